namespace CareStream.Auth.Audit;

/// <summary>
/// An administrator's search of the audit trail, newest first. <paramref name="From"/> inclusive,
/// <paramref name="To"/> exclusive; <paramref name="Agent"/> matches the user (<c>sub</c>) or the client id;
/// <paramref name="Action"/> is an AuditEvent.action code (C R U D E), <paramref name="Subtype"/> a
/// restful-interaction code or operation name; <paramref name="Before"/> is the keyset cursor (a sequence number).
/// </summary>
public sealed record AuditEventSearch(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Agent = null,
    string? Patient = null,
    string? Action = null,
    string? Subtype = null,
    int PageSize = 50,
    long? Before = null);

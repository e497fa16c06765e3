namespace CareStream.Auth.Audit;

/// <summary>
/// What happened, as the audit middleware sees it; <see cref="AuditEventBuilder"/> turns it into a BALP AuditEvent.
/// <paramref name="Query"/> is the query string of a search without the access token and with patient-identifying
/// values (names, birth date) redacted (stored base64-encoded, never logged). <paramref name="Role"/> is the staff
/// role claim, <paramref name="SourceAddress"/> the client's IP address, <paramref name="Operation"/> the named
/// operation or command (<c>$lastn</c>, <c>acknowledge</c>, <c>FollowWard</c> …) when the interaction is one.
/// </summary>
public sealed record AuditAccess(
    Guid Id,
    DateTimeOffset Recorded,
    AuditInteraction Interaction,
    string ResourceType,
    string? ResourceId,
    string? PatientId,
    string? Query,
    string AgentWho,
    string? ClientId,
    int HttpStatus,
    string? TraceId,
    string ServerId,
    string? BreakGlassReason = null,
    string? Role = null,
    string? SourceAddress = null,
    string? Operation = null);

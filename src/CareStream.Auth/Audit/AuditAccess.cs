namespace CareStream.Auth.Audit;

/// <summary>
/// What happened, as the audit middleware sees it; <see cref="AuditEventBuilder"/> turns it into a BALP AuditEvent.
/// <paramref name="Query"/> is the raw query string of a search (stored base64-encoded, never logged).
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
    string? BreakGlassReason = null);

namespace CareStream.Auth.Audit;

/// <summary>
/// One row of the append-only <c>auth.audit_event</c> table: indexed columns for the administrator search plus the
/// full BALP-shaped FHIR AuditEvent as JSON. Rows are inserted, never updated or deleted (see the ADR).
/// </summary>
public sealed class AuditEventRecord
{
    public long Sequence { get; init; }

    public required Guid Id { get; init; }

    public required DateTimeOffset Recorded { get; init; }

    /// <summary>BALP profile name (Read, Query, PatientRead, PatientQuery …).</summary>
    public required string Kind { get; init; }

    /// <summary>FHIR AuditEvent.outcome code: 0, 4, 8 or 12.</summary>
    public required string Outcome { get; init; }

    public required string AgentWho { get; init; }

    public string? ClientId { get; init; }

    public string? PatientId { get; init; }

    public string? TraceId { get; init; }

    public required string Resource { get; init; }
}

namespace CareStream.Messaging.Alerts;

/// <summary>
/// The JSON shape of one record on <c>carestream.alerts.v1</c> (see <see cref="AlarmEventCodec"/> for the contract).
/// Enumerations travel as fixed lower-camel strings mapped by hand, so renaming a C# member never changes the wire.
/// </summary>
internal sealed class AlarmEventMessage
{
    public int SchemaVersion { get; set; }

    public string? EventId { get; set; }

    public string? Type { get; set; }

    public DateTimeOffset? OccurredAt { get; set; }

    public string? EpisodeId { get; set; }

    public string? RuleId { get; set; }

    public int? RuleVersion { get; set; }

    public string? Patient { get; set; }

    public string? Ward { get; set; }

    public string? Bed { get; set; }

    public string? Category { get; set; }

    public string? Priority { get; set; }

    public string? PriorityCode { get; set; }

    public string? Condition { get; set; }

    public bool Latching { get; set; }

    public string? Status { get; set; }

    public DateTimeOffset? ConditionStartedAt { get; set; }

    public DateTimeOffset? RaisedAt { get; set; }

    public bool ConditionActive { get; set; }

    public int EscalationLevel { get; set; }

    public DateTimeOffset? LastAnnouncedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AudioPausedUntil { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public string? Detail { get; set; }

    public IReadOnlyList<string>? EvidenceObservationIds { get; set; }

    public string? Reason { get; set; }

    public string? By { get; set; }

    public string? PreviousPriority { get; set; }

    public string? Assessment { get; set; }

    public string? Note { get; set; }
}

namespace CareStream.Storage.Alerts;

/// <summary>
/// The columns of an alarm episode snapshot, shared by <c>alarm_event</c> (the state after each event) and
/// <c>alarm_episode</c> (the current state). Enumerations are stored as their Domain values (smallint, never renumbered).
/// </summary>
public abstract class AlarmEpisodeRow
{
    public required string EpisodeId { get; set; }

    public required string PatientId { get; set; }

    public string? WardId { get; set; }

    public string? BedId { get; set; }

    public required string RuleId { get; set; }

    public int RuleVersion { get; set; }

    public short Category { get; set; }

    public short Priority { get; set; }

    public required string Condition { get; set; }

    public bool Latching { get; set; }

    public short Status { get; set; }

    public DateTimeOffset ConditionStartedAt { get; set; }

    public DateTimeOffset RaisedAt { get; set; }

    public bool ConditionActive { get; set; }

    public int EscalationLevel { get; set; }

    public DateTimeOffset LastAnnouncedAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AudioPausedUntil { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Observations that triggered the episode (from its raised event); null when none are known.</summary>
    public string[]? EvidenceObservationIds { get; set; }
}

namespace CareStream.Domain.Alerts;

/// <summary>
/// One alarm episode: one occurrence of one rule's alarm condition for one patient, from raise to resolution.
/// Immutable; the rules engine's state machine returns a new instance on every transition.
/// </summary>
/// <param name="EpisodeId">Deterministic id: a hash of rule id, patient and condition start (idempotent under replay).</param>
/// <param name="RuleId">The rule that raised it.</param>
/// <param name="RuleVersion">The version of that rule.</param>
/// <param name="Patient">The patient.</param>
/// <param name="Category">Physiological or technical.</param>
/// <param name="Priority">Current priority; only ever rises within an episode.</param>
/// <param name="Condition">Machine-readable condition code, e.g. <c>HeartRateHigh</c>.</param>
/// <param name="Latching">Latching episodes stay until acknowledged after the condition cleared.</param>
/// <param name="Status">Lifecycle state.</param>
/// <param name="ConditionStartedAt">When the alarm condition began, from the data.</param>
/// <param name="RaisedAt">When the condition was confirmed (after the alarm-condition delay).</param>
/// <param name="ConditionActive">Whether the alarm condition currently holds.</param>
/// <param name="EscalationLevel">0 until escalated; +1 per escalation tier.</param>
/// <param name="LastAnnouncedAt">When it was last raised, re-alerted or escalated (start of the escalation timer).</param>
/// <param name="AcknowledgedAt">When it was acknowledged, if it was.</param>
/// <param name="AcknowledgedBy">Pseudonymous id of the clinician who acknowledged it.</param>
/// <param name="AudioPausedUntil">Audio paused (IEC AUDIO PAUSED) until this instant; null when not paused.</param>
/// <param name="ResolvedAt">When it resolved.</param>
public sealed record AlarmEpisode(
    string EpisodeId,
    string RuleId,
    int RuleVersion,
    PatientId Patient,
    AlarmCategory Category,
    AlarmPriority Priority,
    string Condition,
    bool Latching,
    AlarmStatus Status,
    DateTimeOffset ConditionStartedAt,
    DateTimeOffset RaisedAt,
    bool ConditionActive,
    int EscalationLevel,
    DateTimeOffset LastAnnouncedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AudioPausedUntil,
    DateTimeOffset? ResolvedAt)
{
    /// <summary>True while the episode is not resolved.</summary>
    public bool IsOpen => Status != AlarmStatus.Resolved;

    /// <summary>True when the audio is paused at <paramref name="now"/>.</summary>
    public bool IsAudioPaused(DateTimeOffset now) => AudioPausedUntil is { } until && now < until;
}

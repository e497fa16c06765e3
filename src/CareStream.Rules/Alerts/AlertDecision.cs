using CareStream.Domain.Alerts;

namespace CareStream.Rules.Alerts;

/// <summary>A rule's finding that its alarm condition holds for the window's patient.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="RuleVersion">Its version.</param>
/// <param name="Category">Physiological or technical.</param>
/// <param name="Priority">IEC 60601-1-8 priority of the condition as it stands now.</param>
/// <param name="Condition">Machine-readable code, e.g. <c>OxygenSaturationLow</c>.</param>
/// <param name="Detail">Human-readable reason with values (never written to logs).</param>
/// <param name="ConditionStartedAt">When the condition began, from the data; seeds the episode id.</param>
/// <param name="DetectedAt">When the condition was confirmed (data time, or <c>now</c> for time-based rules).</param>
/// <param name="EvidenceObservationIds">Observations that support it.</param>
/// <param name="Latching">Whether the alarm latches.</param>
public sealed record AlertDecision(
    string RuleId,
    int RuleVersion,
    AlarmCategory Category,
    AlarmPriority Priority,
    string Condition,
    string Detail,
    DateTimeOffset ConditionStartedAt,
    DateTimeOffset DetectedAt,
    IReadOnlyList<string> EvidenceObservationIds,
    bool Latching);

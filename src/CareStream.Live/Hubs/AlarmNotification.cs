namespace CareStream.Live.Hubs;

/// <summary>
/// One alarm state change as the dashboard shows it. <see cref="Sequence"/> is the ward stream's server sequence
/// number: a client that reconnects asks for everything after the last one it saw, so no alarm is silently missed.
/// <see cref="AcknowledgedBy"/>/<see cref="AcknowledgedAt"/> come from the episode; <see cref="By"/> is the actor of
/// this change (acknowledged, audioPaused, annotated); <see cref="Annotation"/> (<c>true-positive</c> |
/// <c>false-positive</c> | <c>non-actionable</c>) and <see cref="AnnotationNote"/> are set on <c>annotated</c> changes.
/// </summary>
public sealed record AlarmNotification(
    long Sequence,
    string EventId,
    string Type,
    string EpisodeId,
    string RuleId,
    string Patient,
    string? Bed,
    string Category,
    string Priority,
    string PriorityCode,
    string Condition,
    string Status,
    int EscalationLevel,
    DateTimeOffset OccurredAt,
    DateTimeOffset RaisedAt,
    DateTimeOffset? AudioPausedUntil,
    string? AcknowledgedBy = null,
    DateTimeOffset? AcknowledgedAt = null,
    string? By = null,
    string? Annotation = null,
    string? AnnotationNote = null);

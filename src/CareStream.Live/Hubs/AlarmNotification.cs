namespace CareStream.Live.Hubs;

/// <summary>
/// One alarm state change as the dashboard shows it. <see cref="Sequence"/> is the ward stream's server sequence
/// number: a client that reconnects asks for everything after the last one it saw, so no alarm is silently missed.
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
    DateTimeOffset? AudioPausedUntil);

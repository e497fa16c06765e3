namespace CareStream.Domain.Alerts;

/// <summary>The condition worsened into a higher-priority band; the episode re-alerts at its new priority.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="PreviousPriority">The priority before the increase.</param>
public sealed record AlarmPriorityIncreased(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt, AlarmPriority PreviousPriority)
    : AlarmEvent(EventId, Episode, OccurredAt);

namespace CareStream.Domain.Alerts;

/// <summary>The alarm was not acknowledged in time (or escalated by hand) and goes to the next tier; the level is on the episode.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why: a timeout or a manual escalation.</param>
public sealed record AlarmEscalated(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt, string Reason)
    : AlarmEvent(EventId, Episode, OccurredAt);

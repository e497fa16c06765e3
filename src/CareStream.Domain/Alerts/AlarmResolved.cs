namespace CareStream.Domain.Alerts;

/// <summary>
/// The episode ended: the condition cleared (non-latching), or a latched alarm was acknowledged after it cleared.
/// </summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why it resolved.</param>
public sealed record AlarmResolved(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt, string Reason)
    : AlarmEvent(EventId, Episode, OccurredAt);

namespace CareStream.Domain.Alerts;

/// <summary>
/// A state change of an alarm episode, published to <c>carestream.alerts.v1</c> and stored.
/// <see cref="EventId"/> is deterministic, so a consumer can de-duplicate redelivered events.
/// </summary>
/// <param name="EventId">Deterministic id (hash of episode id, event kind and occurrence).</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When the change happened (data time or the evaluation's <c>now</c>).</param>
public abstract record AlarmEvent(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt);

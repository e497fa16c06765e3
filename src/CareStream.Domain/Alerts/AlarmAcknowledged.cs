namespace CareStream.Domain.Alerts;

/// <summary>A clinician acknowledged the alarm (IEC 60601-1-8 ALARM RESET).</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="AcknowledgedBy">Pseudonymous id of the clinician.</param>
public sealed record AlarmAcknowledged(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt, string AcknowledgedBy)
    : AlarmEvent(EventId, Episode, OccurredAt);

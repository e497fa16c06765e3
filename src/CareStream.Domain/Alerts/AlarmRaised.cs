namespace CareStream.Domain.Alerts;

/// <summary>A new alarm episode was raised (the condition held for its alarm-condition delay).</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Detail">Human-readable reason; contains values, never names (not for logs).</param>
/// <param name="EvidenceObservationIds">Observations that triggered it (FHIR Flag evidence links).</param>
public sealed record AlarmRaised(
    string EventId,
    AlarmEpisode Episode,
    DateTimeOffset OccurredAt,
    string Detail,
    IReadOnlyList<string> EvidenceObservationIds)
    : AlarmEvent(EventId, Episode, OccurredAt);

using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Storage.Alerts;

/// <summary>The stored current state of one alarm episode.</summary>
/// <param name="Episode">The episode as of its newest stored event.</param>
/// <param name="Ward">The patient's ward at the newest event that named one.</param>
/// <param name="Bed">The patient's bed at the newest event that named one.</param>
/// <param name="EvidenceObservationIds">Observations that triggered it (empty when none are known).</param>
/// <param name="LastEventKind">Wire type of the event that set this state.</param>
/// <param name="UpdatedAt">When the store last changed the row (FHIR <c>meta.lastUpdated</c>).</param>
public sealed record StoredAlarm(
    AlarmEpisode Episode, WardId? Ward, BedId? Bed, IReadOnlyList<string> EvidenceObservationIds, string LastEventKind, DateTimeOffset UpdatedAt);

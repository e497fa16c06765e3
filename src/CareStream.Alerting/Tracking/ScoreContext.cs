using CareStream.Alerting.Publishing;
using CareStream.Domain.Registry;

namespace CareStream.Alerting.Tracking;

/// <summary>What a tracker step needs to publish the patient's NEWS2 outcome when it changed.</summary>
/// <param name="Publisher">Writes to <c>carestream.patient-scores.v1</c>.</param>
/// <param name="Location">The patient's current bed (from the registry), if known.</param>
/// <param name="Now">The step's time.</param>
internal sealed record ScoreContext(PatientScorePublisher Publisher, BedLocation? Location, DateTimeOffset Now);

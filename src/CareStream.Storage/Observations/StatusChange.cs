using CareStream.Domain.Vitals;

namespace CareStream.Storage.Observations;

/// <summary>
/// A clinician's verification of a stored Observation: its new <paramref name="Status"/>, an optional
/// <paramref name="Reason"/> (required by callers for entered-in-error), and the version the clinician saw
/// (<paramref name="ExpectedVersion"/>, null = no precondition).
/// </summary>
public sealed record StatusChange(string ObservationId, ObservationStatus Status, string? Reason, int? ExpectedVersion);

using CareStream.Fhir.Canonical;

namespace CareStream.Fhir.Ingress;

/// <summary>Why one device Observation (or the whole message, <see cref="EntryIndex"/> = -1) was refused.</summary>
/// <param name="EntryIndex">-1 for the message, 0 for a bare Observation, else the Bundle entry index.</param>
/// <param name="Code">Stable error class (dead-letter header).</param>
/// <param name="Reason">A reason a person can read; names elements and codes, never patient data.</param>
public sealed record DeviceObservationRejection(int EntryIndex, ObservationErrorCode Code, string Reason);

using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Storage.Observations;

/// <summary>
/// One stored reading with what a FHIR Observation needs. Rows are immutable (insert-if-absent), so every reading is
/// version 1; the store keeps no separate last-updated time.
/// </summary>
public sealed record StoredReading(
    string ObservationId,
    PatientId Patient,
    DeviceId Device,
    VitalSignKind Kind,
    int MdcCode,
    double Value,
    DateTimeOffset EffectiveAt,
    ObservationStatus Status)
{
    public const string VersionId = "1";

    public VitalSignReading ToReading() => new(ObservationId, Patient, Device, Kind, MdcCode, Value, EffectiveAt, Status);
}

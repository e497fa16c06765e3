using CareStream.Domain;
using CareStream.Fhir.Ingress;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// One checked device Observation (one reading, or the components of a BP panel) whose device had no patient at its
/// effective time: kept on the unassociated topic, device only, with the bed and ward when the device is placed.
/// </summary>
internal sealed record HeldObservation(DeviceReading[] Readings, WardId? Ward, BedId? Bed)
{
    public DeviceId Device => Readings[0].Device;

    public DateTimeOffset EffectiveAt => Readings[0].EffectiveAt;

    public bool ClockSkewed => Readings.Any(r => r.ClockSkewed);
}

using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// One device Observation mapped from a PCD-01 message: a single numeric, or the components of one BP panel.
/// Values are already in the kind's canonical UCUM unit.
/// </summary>
/// <param name="Device">The device (its EUI-64 from OBX-18).</param>
/// <param name="EffectiveAt">OBX-14, or OBR-7 when OBX-14 is empty.</param>
/// <param name="Status">From OBX-11.</param>
/// <param name="Measurements">One measurement, or the BP components.</param>
/// <param name="ObxSequences">Which OBX occurrences (1-based) it came from, for ERR segments.</param>
public sealed record Pcd01Observation(
    DeviceId Device,
    DateTimeOffset EffectiveAt,
    ObservationStatus Status,
    IReadOnlyList<DeviceMeasurement> Measurements,
    IReadOnlyList<int> ObxSequences);

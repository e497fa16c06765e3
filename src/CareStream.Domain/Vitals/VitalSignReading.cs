namespace CareStream.Domain.Vitals;

/// <summary>
/// One numeric reading of one vital sign: the narrow shape the hot path, the store and the rules work on.
/// A blood-pressure panel is several readings sharing one <see cref="ObservationId"/>.
/// </summary>
/// <param name="ObservationId">Deterministic FHIR Observation id (a stable hash of the business identifier).</param>
/// <param name="Patient">The patient the device was associated with at <paramref name="EffectiveAt"/>.</param>
/// <param name="Device">The device that measured it.</param>
/// <param name="Kind">What was measured.</param>
/// <param name="MdcCode">IEEE 11073 MDC numeric code as sent (tells e.g. NIBP from arterial); 0 when unknown.</param>
/// <param name="Value">The value in the canonical UCUM unit of <paramref name="Kind"/>.</param>
/// <param name="EffectiveAt">When the value was measured, as stated by the device.</param>
/// <param name="Status">FHIR Observation status.</param>
public readonly record struct VitalSignReading(
    string ObservationId,
    PatientId Patient,
    DeviceId Device,
    VitalSignKind Kind,
    int MdcCode,
    double Value,
    DateTimeOffset EffectiveAt,
    ObservationStatus Status);

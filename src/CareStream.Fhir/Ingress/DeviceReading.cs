using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Ingress;

/// <summary>
/// One numeric parsed from a device Observation, before patient resolution. A BP panel yields one reading per
/// component, all with the same <see cref="ObservationMdcCode"/>, <see cref="EffectiveAt"/> and <see cref="EntryIndex"/>.
/// </summary>
/// <param name="Device">From <c>Observation.device</c> (<c>Device/{id}</c>).</param>
/// <param name="Kind">What was measured.</param>
/// <param name="LoincCode">The LOINC code as sent (the component's for BP).</param>
/// <param name="MdcCode">The MDC code as sent (the component's for BP).</param>
/// <param name="ObservationMdcCode">The Observation-level MDC code (the compound code for BP); part of the identity.</param>
/// <param name="Value">The value in the canonical unit of <paramref name="Kind"/> (converted if needed).</param>
/// <param name="UnitAsSent">The UCUM code as sent (e.g. <c>[degF]</c>, <c>kPa</c>).</param>
/// <param name="ValueAsSent">The value as sent, in <paramref name="UnitAsSent"/>.</param>
/// <param name="EffectiveAt">When it was measured, by the device clock.</param>
/// <param name="Status">Observation status.</param>
/// <param name="EntryIndex">0 for a bare Observation; the entry index inside a Bundle.</param>
/// <param name="ReceivedAt">When CareStream received it (the parser's <see cref="TimeProvider"/>).</param>
/// <param name="ClockSkewed">True when <paramref name="EffectiveAt"/> is more than the tolerance (default 5 min) after <paramref name="ReceivedAt"/>.</param>
public readonly record struct DeviceReading(
    DeviceId Device,
    VitalSignKind Kind,
    string LoincCode,
    int MdcCode,
    int ObservationMdcCode,
    double Value,
    string UnitAsSent,
    double ValueAsSent,
    DateTimeOffset EffectiveAt,
    ObservationStatus Status,
    int EntryIndex,
    DateTimeOffset ReceivedAt,
    bool ClockSkewed)
{
    /// <summary>How far the device clock is ahead of receipt (negative when the reading is in the past, as usual).</summary>
    public TimeSpan ClockAhead => EffectiveAt - ReceivedAt;

    /// <summary>The deterministic <c>Observation.id</c> of the Observation this reading belongs to.</summary>
    public string ObservationId => ObservationIdentity.ObservationId(Device, ObservationMdcCode, EffectiveAt);

    /// <summary>The canonical reading once the device has been resolved to <paramref name="patient"/>.</summary>
    public VitalSignReading ToVitalSignReading(PatientId patient) =>
        new(ObservationId, patient, Device, Kind, MdcCode, Value, EffectiveAt, Status);
}

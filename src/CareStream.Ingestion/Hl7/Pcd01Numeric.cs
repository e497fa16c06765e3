using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Ingestion.Hl7;

/// <summary>One usable NM OBX, value in the canonical unit, before BP components are grouped into panels.</summary>
internal sealed record Pcd01Numeric(
    int Sequence, string Containment, DeviceId Device, DateTimeOffset EffectiveAt, ObservationStatus Status,
    VitalSignKind Kind, int MdcCode, double Value);

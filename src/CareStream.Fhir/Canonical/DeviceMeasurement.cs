using CareStream.Domain.Vitals;

namespace CareStream.Fhir.Canonical;

/// <summary>One numeric of an Observation to write: the kind, its MDC code and the value in the kind's canonical unit.</summary>
public readonly record struct DeviceMeasurement(VitalSignKind Kind, int MdcCode, double Value);

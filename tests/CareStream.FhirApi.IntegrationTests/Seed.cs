using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.FhirApi.IntegrationTests;

/// <summary>Synthetic readings with their deterministic ids (the canonical writer checks them on render).</summary>
internal static class Seed
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static PatientId NewPatient() => new($"pat-{Guid.NewGuid():N}"[..20]);

    public static DeviceId NewDevice() => new($"dev-{Guid.NewGuid():N}"[..20]);

    public static VitalSignReading Reading(
        PatientId patient, DeviceId device, VitalSignKind kind, DateTimeOffset at, double value = 70,
        ObservationStatus status = ObservationStatus.Preliminary, int? mdc = null)
    {
        var code = mdc ?? VitalSignCatalog.Get(kind).DefaultMdcCode;
        return new(ObservationIdentity.ObservationId(device, code, at), patient, device, kind, code, value, at, status);
    }

    /// <summary>A NIBP panel: systolic, diastolic and mean sharing one id.</summary>
    public static VitalSignReading[] Panel(PatientId patient, DeviceId device, DateTimeOffset at, ObservationStatus status = ObservationStatus.Final)
    {
        var id = ObservationIdentity.ObservationId(device, Mdc.NonInvasiveBloodPressure, at);
        return
        [
            new(id, patient, device, VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic, 120, at, status),
            new(id, patient, device, VitalSignKind.DiastolicBloodPressure, Mdc.NonInvasiveDiastolic, 80, at, status),
            new(id, patient, device, VitalSignKind.MeanBloodPressure, Mdc.NonInvasiveMean, 93, at, status),
        ];
    }
}

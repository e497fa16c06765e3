using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>Synthetic canonical observations as the normalizer publishes them.</summary>
internal static class TestObservations
{
    public static byte[] SpO2(string patient, string device, DateTimeOffset at, double percent) =>
        Build(patient, device, VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, at, percent);

    public static byte[] HeartRate(string patient, string device, DateTimeOffset at, double perMinute) =>
        Build(patient, device, VitalSignKind.HeartRate, Mdc.EcgHeartRate, at, perMinute);

    public static byte[] RespiratoryRate(string patient, string device, DateTimeOffset at, double perMinute) =>
        Build(patient, device, VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate, at, perMinute);

    public static byte[] Temperature(string patient, string device, DateTimeOffset at, double celsius) =>
        Build(patient, device, VitalSignKind.BodyTemperature, Mdc.BodyTemperature, at, celsius);

    public static byte[] Systolic(string patient, string device, DateTimeOffset at, double mmHg)
    {
        var deviceId = new DeviceId(device);
        var reading = new VitalSignReading(
            ObservationIdentity.ObservationId(deviceId, Mdc.NonInvasiveBloodPressure, at), new PatientId(patient), deviceId,
            VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic, mmHg, at, ObservationStatus.Final);
        return CanonicalObservationWriter.ToUtf8Bytes([reading]);
    }

    private static byte[] Build(string patient, string device, VitalSignKind kind, int mdc, DateTimeOffset at, double value)
    {
        var deviceId = new DeviceId(device);
        var reading = new VitalSignReading(
            ObservationIdentity.ObservationId(deviceId, mdc, at), new PatientId(patient), deviceId, kind, mdc, value, at,
            ObservationStatus.Final);
        return CanonicalObservationWriter.ToUtf8Bytes([reading]);
    }
}

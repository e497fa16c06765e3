using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;

namespace CareStream.Benchmarks;

/// <summary>
/// The per-bed device traffic of performance.md (HR, pulse rate, SpO2, RR, temperature and a NIBP panel: 6 device
/// messages, 8 readings) for a ward of associated monitors, as the ingress topic carries it.
/// </summary>
internal static class NormalizerWorkload
{
    public const int MessagesPerBed = 6;
    public const int ReadingsPerBed = 8;

    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    public static readonly WardId Ward = new("bench-ward");

    public static DeviceId Device(int bed) => new($"bench-monitor-{bed:D4}");

    public static DeviceAssignment Assignment(int bed) =>
        new(Device(bed), Ward, new BedId($"bench-bed-{bed:D4}"), new PatientId($"bench-p-{bed:D4}"), Start.AddDays(-1));

    /// <summary>The device messages of one bed at second <paramref name="second"/>.</summary>
    public static IEnumerable<byte[]> Messages(int bed, int second)
    {
        var device = Device(bed);
        var at = Start.AddSeconds(second);
        var wobble = second % 7;
        yield return Single(device, at, VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72 + wobble);
        yield return Single(device, at, VitalSignKind.PulseRate, Mdc.PulseOximeterPulseRate, 71 + wobble);
        yield return Single(device, at, VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 96 + (wobble % 3));
        yield return Single(device, at, VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate, 16 + (wobble % 2));
        yield return Single(device, at, VitalSignKind.BodyTemperature, Mdc.BodyTemperature, 37.1);
        yield return DeviceObservationWriter.ToUtf8Bytes(device, at, ObservationStatus.Preliminary,
        [
            new(VitalSignKind.SystolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.SystolicBloodPressure), 120 + wobble),
            new(VitalSignKind.DiastolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.DiastolicBloodPressure), 80),
            new(VitalSignKind.MeanBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.MeanBloodPressure), 93),
        ]);
    }

    private static byte[] Single(DeviceId device, DateTimeOffset at, VitalSignKind kind, int mdc, double value) =>
        DeviceObservationWriter.ToUtf8Bytes(device, at, ObservationStatus.Preliminary, [new DeviceMeasurement(kind, mdc, value)]);
}

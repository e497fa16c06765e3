using System.Globalization;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;

namespace CareStream.Storage.IntegrationTests;

/// <summary>Synthetic readings (no real patient data) with ids in the stored 16-hex form.</summary>
internal static class SyntheticReadings
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static PatientId NewPatient() => new($"pat-{Guid.NewGuid():N}");

    public static DeviceId NewDevice() => new($"dev-{Guid.NewGuid():N}");

    public static string IdFor(DeviceId device, VitalSignKind kind, DateTimeOffset effective) =>
        ObservationKey.ToId(ObservationKey.FromId(string.Create(CultureInfo.InvariantCulture, $"{device}.{(int)kind}.{effective:O}")));

    /// <summary><paramref name="count"/> readings one <paramref name="step"/> apart, values cycling around a base.</summary>
    public static List<VitalSignReading> Series(
        PatientId patient, DeviceId device, VitalSignKind kind, DateTimeOffset start, int count, TimeSpan step, double baseValue = 80)
    {
        var readings = new List<VitalSignReading>(count);
        for (var i = 0; i < count; i++)
        {
            var effective = start + (step * i);
            readings.Add(new VitalSignReading(
                IdFor(device, kind, effective), patient, device, kind, 147842, baseValue + (i % 7), effective, ObservationStatus.Preliminary));
        }

        return readings;
    }

    /// <summary>A blood-pressure panel: three readings sharing one observation id.</summary>
    public static List<VitalSignReading> BloodPressurePanel(PatientId patient, DeviceId device, DateTimeOffset effective, double systolic, double diastolic, double mean)
    {
        var id = IdFor(device, VitalSignKind.SystolicBloodPressure, effective);
        return
        [
            new(id, patient, device, VitalSignKind.SystolicBloodPressure, 150021, systolic, effective, ObservationStatus.Final),
            new(id, patient, device, VitalSignKind.DiastolicBloodPressure, 150022, diastolic, effective, ObservationStatus.Final),
            new(id, patient, device, VitalSignKind.MeanBloodPressure, 150023, mean, effective, ObservationStatus.Final),
        ];
    }
}

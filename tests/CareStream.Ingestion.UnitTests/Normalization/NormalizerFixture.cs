using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Terminology;
using CareStream.Ingestion.Normalization;
using CareStream.Messaging.Registry;

namespace CareStream.Ingestion.UnitTests.Normalization;

/// <summary>A normalizer over an in-memory registry (no Kafka) and synthetic device payloads.</summary>
internal sealed class NormalizerFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    public static readonly WardId Ward = new("ward-n");

    public NormalizerFixture(Func<TimeSpan, CancellationToken, Task<bool>>? sync = null) =>
        Normalizer = new ReadingNormalizer(
            new DeviceObservationParser(TimeProvider.System), Registry, sync ?? ((_, _) => Task.FromResult(true)));

    public RegistryDirectory Registry { get; } = new();

    public ReadingNormalizer Normalizer { get; }

    public void Assign(string device, string bed, string? patient, DateTimeOffset from) =>
        Registry.Apply(new DeviceAssignment(new DeviceId(device), Ward, new BedId(bed), patient is null ? null : new PatientId(patient), from));

    public static byte[] HeartRate(string device, DateTimeOffset at, double value = 72) =>
        DeviceObservationWriter.ToUtf8Bytes(new DeviceId(device), at, ObservationStatus.Preliminary, [new(VitalSignKind.HeartRate, Mdc.EcgHeartRate, value)]);

    public static byte[] BloodPressure(string device, DateTimeOffset at) =>
        DeviceObservationWriter.ToUtf8Bytes(new DeviceId(device), at, ObservationStatus.Preliminary,
        [
            new(VitalSignKind.SystolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.SystolicBloodPressure), 120),
            new(VitalSignKind.DiastolicBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.DiastolicBloodPressure), 80),
            new(VitalSignKind.MeanBloodPressure, Mdc.BloodPressureComponentOf(Mdc.NonInvasiveBloodPressure, VitalSignKind.MeanBloodPressure), 93),
        ]);

    public static byte[] Bundle(params byte[][] observations) => Encoding.UTF8.GetBytes(
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
        + string.Join(",", observations.Select(o => "{\"resource\":" + Encoding.UTF8.GetString(o) + "}")) + "]}");

    public Task<NormalizationResult> NormalizeAsync(byte[] payload) =>
        Normalizer.NormalizeAsync(payload, TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken).AsTask();
}

using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;

namespace CareStream.IntegrationTests;

/// <summary>
/// Device heart-rate readings for the at-least-once tests: one reading per device per second, keyed by device id, as
/// (key, device Observation JSON) pairs ready for <c>KafkaFixture.ProduceAsync</c>. Values cycle 60–99 /min.
/// </summary>
internal static class HeartRateStream
{
    /// <summary>Seconds <paramref name="fromSecond"/> (inclusive) to <paramref name="toSecond"/> (exclusive) after <paramref name="start"/>.</summary>
    public static List<KeyValuePair<string, string>> Seconds(
        string devicePrefix, int devices, DateTimeOffset start, int fromSecond, int toSecond)
    {
        var batch = new List<KeyValuePair<string, string>>((toSecond - fromSecond) * devices);
        for (var s = fromSecond; s < toSecond; s++)
        {
            for (var d = 0; d < devices; d++)
            {
                var device = $"{devicePrefix}-{d}";
                var json = DeviceObservationWriter.ToUtf8Bytes(
                    new DeviceId(device), start.AddSeconds(s), ObservationStatus.Preliminary,
                    [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 60 + s % 40)]);
                batch.Add(KeyValuePair.Create(device, Encoding.UTF8.GetString(json)));
            }
        }

        return batch;
    }
}

using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests;

/// <summary>
/// Debian's kcat (its own librdkafka) talks to the host through Kafka only: it publishes the association and a
/// device reading, and reads back the canonical Observation the host produced.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class KcatInteropTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task GivenKcatPublishedAReading_WhenTheHostRuns_ThenItIsStoredAndKcatReadsTheCanonicalObservation()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        var effective = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);
        var reading = DeviceObservationWriter.ToUtf8Bytes(
            new DeviceId("kcat-monitor-1"), effective, ObservationStatus.Preliminary,
            [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72)]);
        await using var host = CareStreamProcess.Start(settings.Values, "--roles", "ingest,store,api");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);

        await ProduceWithKcatAsync(settings.Topics.Assignments, RegistryRecords.For("kcat-monitor-1", "kcat-patient-1", "kcat-bed-1"), ct);
        await ProduceWithKcatAsync(settings.Topics.DeviceObservations, [KeyValuePair.Create("kcat-monitor-1", Encoding.UTF8.GetString(reading))], ct);
        using var http = host.CreateClient();
        var stored = await FhirClient.WaitForObservationsAsync(http, "kcat-patient-1", minimum: 1, TimeSpan.FromSeconds(30), ct);
        var canonical = await Kcat.RunAsync(
            ["-b", kafka.BootstrapServers, "-C", "-e", "-q", "-o", "beginning", "-t", settings.Topics.Observations, "-f", "%k\t%s\n"], stdin: null, ct);

        var observation = Assert.Single(stored);
        Assert.Equal(72, observation.GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal("/min", observation.GetProperty("valueQuantity").GetProperty("code").GetString());
        Assert.Equal("2026-11-25T08:30:00+00:00", observation.GetProperty("effectiveDateTime").GetString());
        var line = Assert.Single(canonical.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("kcat-patient-1\t", line, StringComparison.Ordinal);
        Assert.Contains("\"reference\":\"Patient/kcat-patient-1\"", line, StringComparison.Ordinal);
        Assert.Contains($"\"id\":\"{observation.GetProperty("id").GetString()}\"", line, StringComparison.Ordinal);
    }

    private async Task ProduceWithKcatAsync(string topic, IEnumerable<KeyValuePair<string, string>> records, CancellationToken cancellationToken)
    {
        var lines = string.Concat(records.Select(r => $"{r.Key}\t{r.Value}\n"));
        await Kcat.RunAsync(["-b", kafka.BootstrapServers, "-P", "-t", topic, "-K", "\t"], lines, cancellationToken);
    }
}

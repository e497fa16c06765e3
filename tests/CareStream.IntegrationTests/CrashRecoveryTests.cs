using System.Diagnostics;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Npgsql;

namespace CareStream.IntegrationTests;

/// <summary>
/// At-least-once with idempotent effects, end to end: the host is SIGKILLed while it is ingesting and storing,
/// restarted, and every reading the producer saw acknowledged ends up stored exactly once.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class CrashRecoveryTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const int Devices = 10;
    private const int ReadingsPerDevice = 200;
    private const int Total = Devices * ReadingsPerDevice;

    [Fact]
    public async Task GivenTheHostIsKilledMidStream_WhenItRestarts_ThenEveryAcknowledgedReadingIsStoredExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        for (var d = 0; d < Devices; d++)
        {
            await kafka.ProduceAsync(settings.Topics.Assignments, RegistryRecords.For($"crash-monitor-{d}", $"crash-patient-{d}", $"crash-bed-{d}"));
        }

        var first = CareStreamProcess.Start(settings.Values, "--roles", "ingest,store");
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);
        var publishing = PublishSlowlyAsync(settings.Topics.DeviceObservations, ct);
        var storedBeforeKill = await WaitForStoredAsync(atLeast: 200, TimeSpan.FromSeconds(60), ct);
        await first.KillAsync();
        var acknowledged = await publishing;

        await using var second = CareStreamProcess.Start(settings.Values, "--roles", "ingest,store");
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);
        var storedAfterRestart = await WaitForStoredAsync(atLeast: Total, TimeSpan.FromSeconds(90), ct);
        var (rows, distinct) = await CountRowsAsync(ct);

        Assert.Equal(Total, acknowledged);
        Assert.InRange(storedBeforeKill, 200, Total - 1);
        Assert.True(storedAfterRestart == Total, $"{storedAfterRestart} of {Total} stored after restart:\n{second.Tail()}");
        Assert.Equal(Total, rows);
        Assert.Equal(Total, distinct);
        Assert.Empty(kafka.ReadAll(settings.Topics.ObservationsDeadLetter, expected: 1, TimeSpan.FromSeconds(2)));
        await first.DisposeAsync();
    }

    /// <summary>Publishes every reading over a few seconds, so the kill lands mid-stream; returns how many were acknowledged.</summary>
    private async Task<int> PublishSlowlyAsync(string topic, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);
        var acknowledged = 0;
        for (var second = 0; second < ReadingsPerDevice; second += 20)
        {
            var batch = HeartRateStream.Seconds("crash-monitor", Devices, start, second, second + 20);
            await kafka.ProduceAsync(topic, batch); // waits for every delivery report (acks=all)
            acknowledged += batch.Count;
            await Task.Delay(300, cancellationToken);
        }

        return acknowledged;
    }

    private async Task<long> WaitForStoredAsync(int atLeast, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long stored;
        do
        {
            stored = (await CountRowsAsync(cancellationToken)).Rows;
            if (stored >= atLeast)
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }
        while (clock.Elapsed < timeout);
        return stored;
    }

    private async Task<(long Rows, long Distinct)> CountRowsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT observation_key) FROM observation", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}

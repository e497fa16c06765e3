using System.Diagnostics;
using System.Globalization;
using System.Net;
using CareStream.Storage.Embedded;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Npgsql;

namespace CareStream.IntegrationTests;

/// <summary>
/// Issue 4 acceptance: PostgreSQL is stopped for 30 s while readings stream in. The store consumer holds its batch
/// (no offset stored), readiness turns 503, the process stays up, and after the restart every acknowledged reading
/// is stored exactly once. The cluster is the test's own, stopped and started with <c>pg_ctl</c> on the same port.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PostgresOutageTests(KafkaFixture kafka)
{
    private const int Devices = 10;
    private const int Steps = 30;
    private const int SecondsPerStep = 20;
    private const int Total = Devices * Steps * SecondsPerStep;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenPostgresStoppedFor30sDuringIngest_WhenItRestarts_ThenReadinessWasUnhealthyAndNothingIsLostOrDuplicated()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = PostgresTestCluster.CreatePrivate();
        try
        {
            await server.StartAsync(ct);
            var settings = (await HostSettings.CreateAsync(kafka, server.ConnectionString)).With("Storage:MigrateOnStart", "true");
            for (var d = 0; d < Devices; d++)
            {
                await kafka.ProduceAsync(settings.Topics.Assignments, RegistryRecords.For($"outage-monitor-{d}", $"outage-patient-{d}", $"outage-bed-{d}"));
            }

            await using var host = CareStreamProcess.Start(settings.Values, "--roles", "ingest,store");
            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), ct);
            using var http = host.CreateClient(timeout: TimeSpan.FromSeconds(5));
            var publishing = PublishSlowlyAsync(settings.Topics.DeviceObservations, ct);
            var storedBeforeOutage = await WaitForStoredAsync(server, atLeast: 400, TimeSpan.FromSeconds(60), ct);

            await PgCtlAsync(server, ["stop", "-m", "fast", "-w", "-t", "60"], ct);
            var clock = Stopwatch.StartNew();
            var readinessDuringOutage = await WaitForReadinessAsync(http, HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), ct);
            await Task.Delay(Outage - clock.Elapsed, ct);
            var exitedDuringOutage = host.HasExited;
            await PgCtlAsync(server, ["start", "-w", "-t", "60", "-l", Path.Combine(server.DataDirectory, "server.log"), "-o",
                $"-p {server.Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -k '{server.DataDirectory}'"], ct);
            var readinessAfterRestart = await WaitForReadinessAsync(http, HttpStatusCode.OK, TimeSpan.FromSeconds(60), ct);
            var acknowledged = await publishing;
            var stored = await WaitForStoredAsync(server, atLeast: Total, TimeSpan.FromSeconds(120), ct);
            var (rows, distinct) = await CountRowsAsync(server, ct);

            Assert.Equal(Total, acknowledged);
            Assert.InRange(storedBeforeOutage, 400, Total - 1);
            Assert.False(exitedDuringOutage, $"the host exited during the outage:\n{host.Tail()}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, readinessDuringOutage);
            Assert.Equal(HttpStatusCode.OK, readinessAfterRestart);
            Assert.True(stored == Total, $"{stored} of {Total} stored after the restart:\n{host.Tail()}");
            Assert.Equal(Total, rows);
            Assert.Equal(Total, distinct);
            Assert.Contains("Transient database error writing a batch", host.Output, StringComparison.Ordinal);
        }
        finally
        {
            await PostgresTestCluster.DestroyAsync(server);
        }
    }

    /// <summary>Publishes 200 readings every 1.5 s for about 45 s, so ingest runs before, during and after the outage.</summary>
    private async Task<int> PublishSlowlyAsync(string topic, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);
        var acknowledged = 0;
        for (var step = 0; step < Steps; step++)
        {
            var batch = HeartRateStream.Seconds("outage-monitor", Devices, start, step * SecondsPerStep, (step + 1) * SecondsPerStep);
            await kafka.ProduceAsync(topic, batch); // waits for every delivery report (acks=all)
            acknowledged += batch.Count;
            await Task.Delay(1_500, cancellationToken);
        }

        return acknowledged;
    }

    private static async Task<HttpStatusCode?> WaitForReadinessAsync(HttpClient http, HttpStatusCode wanted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken);
                last = response.StatusCode;
                if (last == wanted)
                {
                    break;
                }
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // a slow probe while the database is unreachable: ask again
            }

            await Task.Delay(250, cancellationToken);
        }

        return last;
    }

    private static async Task<long> WaitForStoredAsync(EmbeddedPostgresServer server, int atLeast, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long stored;
        do
        {
            stored = (await CountRowsAsync(server, cancellationToken)).Rows;
            if (stored >= atLeast)
            {
                break;
            }

            await Task.Delay(200, cancellationToken);
        }
        while (clock.Elapsed < timeout);
        return stored;
    }

    private static async Task<(long Rows, long Distinct)> CountRowsAsync(EmbeddedPostgresServer server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT observation_key) FROM observation", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Runs <c>pg_ctl</c> on the test's cluster as the server user (PostgreSQL refuses to run as root).</summary>
    private static async Task PgCtlAsync(EmbeddedPostgresServer server, string[] arguments, CancellationToken cancellationToken)
    {
        var pgCtl = Path.Combine(PostgresBinaries.Locate(null), "pg_ctl");
        var info = new ProcessStartInfo(Environment.UserName == "root" ? "runuser" : pgCtl) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.UserName == "root")
        {
            foreach (var argument in new[] { "-u", "postgres", "--", pgCtl })
            {
                info.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in new[] { "-D", server.DataDirectory }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        Assert.True(process.ExitCode == 0, $"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
    }
}

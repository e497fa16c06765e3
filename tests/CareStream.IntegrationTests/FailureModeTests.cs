using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CareStream.Testing.Hosting;

namespace CareStream.IntegrationTests;

/// <summary>The host fails loudly and honestly when its infrastructure is missing: no silent crash loop, no hang.</summary>
public sealed class FailureModeTests
{
    [Fact]
    public async Task GivenKafkaOnAClosedPort_WhenTheHostStarts_ThenItStaysLiveButNotReadyAndSaysWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = CareStreamProcess.Start(
            new Dictionary<string, string> { ["Kafka:BootstrapServers"] = $"127.0.0.1:{ClosedPort()}" },
            "--roles", "ingest");
        using var http = host.CreateClient(timeout: TimeSpan.FromSeconds(10));

        var live = await WaitForStatusAsync(http, "/healthz/live", HttpStatusCode.OK, TimeSpan.FromSeconds(40), ct);
        var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.False(host.HasExited, host.Tail());
        Assert.Contains("Could not create the CareStream topics", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("%3|", host.Output, StringComparison.Ordinal); // librdkafka's raw stderr lines are routed to the log
    }

    [Fact]
    public async Task GivenNoPostgresBinaries_WhenTheEmbeddedDefaultStarts_ThenItExitsWithOneErrorNamingTheFix()
    {
        var ct = TestContext.Current.CancellationToken;
        // An existing directory without initdb/pg_ctl/postgres: what a machine without the server package looks like.
        var missing = Directory.CreateTempSubdirectory("carestream-no-postgres-").FullName;
        await using var host = CareStreamProcess.Start(
            new Dictionary<string, string>
            {
                ["Storage:PostgresBinDirectory"] = missing,
                ["Storage:EmbeddedDataDirectory"] = Path.Combine(Path.GetTempPath(), "carestream-unused-" + Guid.NewGuid().ToString("N")),
            },
            "--roles", "store");

        var clock = Stopwatch.StartNew();
        while (!host.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, ct);
        }

        Assert.True(host.HasExited, "The host kept running without PostgreSQL:\n" + host.Tail());
        Assert.NotEqual(0, host.ExitCode);
        Assert.Contains("apt-get install postgresql", host.Output, StringComparison.Ordinal);
        Assert.Contains("carestream: cannot start:", host.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", host.Output, StringComparison.Ordinal);
        Directory.Delete(missing);
    }

    private static async Task<HttpStatusCode> WaitForStatusAsync(
        HttpClient http, string path, HttpStatusCode wanted, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var last = HttpStatusCode.ServiceUnavailable;
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
                last = response.StatusCode;
                if (last == wanted)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250, cancellationToken);
        }

        return last;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again once disposed
    }
}

using System.Globalization;
using System.Net;
using CareStream.Testing.Auth;
using CareStream.Testing.Hosting;
using CareStream.Testing.Postgres;

namespace CareStream.BrowserTests;

/// <summary>
/// The real <c>carestream</c> process with a simulated ward, on its embedded defaults (in-process Kafka mock
/// cluster, private PostgreSQL) but with a data directory of its own under the temp folder, deleted afterwards:
/// never the machine's /var/lib/carestream. Nine beds, so bed 9 is the device that falls silent after a minute.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const int Beds = 9;

    private readonly string _dataRoot;

    private DashboardHost(CareStreamProcess process, string dataRoot)
    {
        Process = process;
        BaseAddress = process.BaseAddress;
        _dataRoot = dataRoot;
    }

    public CareStreamProcess Process { get; private set; }

    /// <summary>Stays the same across <see cref="RestartAsync"/>, as a browser's page address does.</summary>
    public Uri BaseAddress { get; }

    /// <summary>An API client on <see cref="BaseAddress"/> with an administrator's token (valid across restarts: same key, same issuer).</summary>
    public HttpClient CreateClient() => new HttpClient { BaseAddress = BaseAddress }.WithBearer(Process.AdministratorToken());

    /// <summary>A device adapter's client: the only kind allowed to POST device Observations.</summary>
    public HttpClient CreateDeviceClient() => new HttpClient { BaseAddress = BaseAddress }.WithBearer(Process.DeviceAdapterToken());

    public static async Task<DashboardHost> StartAsync(CancellationToken cancellationToken)
    {
        var dataRoot = PostgresTestCluster.NewTempDirectory();
        var host = new DashboardHost(CareStreamProcess.Start(Settings(dataRoot, urls: null), "--roles", "all,simulator"), dataRoot);
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>
    /// Starts a new process on the same address and database after the previous one stopped. The last
    /// <c>--urls</c> argument wins, so the fixture's own free port is overridden by the original one.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (!Process.HasExited)
        {
            throw new InvalidOperationException("Stop the host before restarting it.");
        }

        await Process.DisposeAsync();
        var settings = Settings(_dataRoot, BaseAddress.ToString().TrimEnd('/'));
        settings["Auth:Issuer"] = BaseAddress.ToString(); // the first process defaulted to its own URL: keep it
        Process = CareStreamProcess.Start(settings, "--roles", "all,simulator");
        await WaitUntilReadyAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Process.DisposeAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a test run must not fail on cleanup
        }
    }

    /// <summary>
    /// Polls <c>/healthz/ready</c> on <see cref="BaseAddress"/>. A slow answer while the host warms up on a busy
    /// machine is retried, not fatal; the host exiting or 90 s without readiness fails with its output.
    /// </summary>
    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"carestream exited with {Process.ExitCode} before it was ready:\n{Process.Tail()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // listening but not answering yet
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"carestream at {BaseAddress} was not ready within 90 s:\n{Process.Tail()}");
    }

    private static Dictionary<string, string> Settings(string dataRoot, string? urls)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage:EmbeddedDataDirectory"] = Path.Combine(dataRoot, "data"),
            ["Simulator:Beds"] = Beds.ToString(CultureInfo.InvariantCulture),
            // Kept across restarts, so tokens minted before a restart still validate after it.
            ["Auth:DataDirectory"] = Path.Combine(dataRoot, "auth"),
        };
        if (urls is not null)
        {
            settings["urls"] = urls;
        }

        return settings;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CareStream.Testing.Auth;
using CareStream.Testing.Hosting;
using CareStream.Testing.Postgres;

namespace CareStream.BrowserTests;

/// <summary>
/// The real <c>carestream</c> process with a simulated ward, on its embedded defaults (in-process Kafka mock
/// cluster, private PostgreSQL) but with a data directory of its own under the temp folder, deleted afterwards:
/// never the machine's /var/lib/carestream. Nine beds, so bed 9 is the device that falls silent after a minute.
/// The address is chosen before the start, so the embedded server's issuer (and with it the dashboard's registered
/// redirect URI) is the address the browser opens; <see cref="Tokens"/> mints tokens this host accepts.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    public const int Beds = 9;

    private readonly string _dataRoot;
    private readonly IReadOnlyDictionary<string, string> _extra;

    private DashboardHost(Uri baseAddress, string dataRoot, IReadOnlyDictionary<string, string> extra)
    {
        BaseAddress = baseAddress;
        _dataRoot = dataRoot;
        _extra = extra;
        Tokens = new TestTokens(Path.Combine(dataRoot, "auth"), issuer: baseAddress.ToString());
        Process = CareStreamProcess.Start(Settings(), "--roles", "all,simulator");
    }

    public CareStreamProcess Process { get; private set; }

    /// <summary>Stays the same across <see cref="RestartAsync"/>, as a browser's page address does.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Tokens signed with this host's key, issued as this host (for .NET clients; browsers log in for real).</summary>
    public TestTokens Tokens { get; }

    /// <summary>
    /// The host's embedded database as its superuser (port from <c>postmaster.pid</c>, password from the cluster's
    /// password file), for tests that change server-side state directly, e.g. a user's ward assignments.
    /// </summary>
    public string DatabaseConnectionString()
    {
        var cluster = Path.Combine(_dataRoot, "data");
        var port = File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"))[3].Trim();
        var password = File.ReadAllText(Path.Combine(cluster, "carestream.password")).Trim();
        return $"Host=127.0.0.1;Port={port};Database=carestream;Username=carestream;Password={password}";
    }

    /// <summary>An API client with an administrator's token (valid across restarts: same key, same issuer).</summary>
    public HttpClient CreateClient() => Client(Tokens.Administrator());

    /// <summary>A device adapter's client: the only kind allowed to POST device Observations.</summary>
    public HttpClient CreateDeviceClient() => Client(Tokens.DeviceAdapter());

    /// <summary>An HTTP client for this host sending <paramref name="token"/> as the bearer token.</summary>
    public HttpClient Client(string token)
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>Starts a host; <paramref name="settings"/> add to or override the defaults (e.g. Auth:ClockSkewSeconds).</summary>
    public static async Task<DashboardHost> StartAsync(CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataRoot = PostgresTestCluster.NewTempDirectory();
        var host = new DashboardHost(new Uri($"http://127.0.0.1:{FreeLoopbackPort()}/"), dataRoot, settings ?? new Dictionary<string, string>());
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
    /// <c>--urls</c> argument wins, so the process's own free port is overridden by this host's address.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (!Process.HasExited)
        {
            throw new InvalidOperationException("Stop the host before restarting it.");
        }

        await Process.DisposeAsync();
        Process = CareStreamProcess.Start(Settings(), "--roles", "all,simulator");
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

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>(Tokens.HostSettings)
        {
            ["Storage:EmbeddedDataDirectory"] = Path.Combine(_dataRoot, "data"),
            ["Simulator:Beds"] = Beds.ToString(CultureInfo.InvariantCulture),
            ["urls"] = BaseAddress.ToString().TrimEnd('/'),
        };
        foreach (var (key, value) in _extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

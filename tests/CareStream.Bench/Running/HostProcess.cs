using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace CareStream.Bench.Running;

/// <summary>
/// The real <c>carestream</c> executable (<c>--roles all</c>) as a separate process on a free loopback port; its
/// console output goes to <c>host.log</c> in the output directory. Its development signing key lives in a fresh folder
/// next to the log, so <see cref="Tokens"/> mints tokens it accepts.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(Process process, StreamWriter log, Uri baseAddress, BenchTokens tokens)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
        Tokens = tokens;
    }

    public Uri BaseAddress { get; }

    public BenchTokens Tokens { get; }

    public int ProcessId => _process.Id;

    public static HostProcess Start(string hostAssembly, IReadOnlyDictionary<string, string> settings, string logPath)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var baseAddress = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(hostAssembly)!,
        };
        info.ArgumentList.Add(hostAssembly);
        info.ArgumentList.Add("--roles=all");
        info.ArgumentList.Add("--urls=" + baseAddress.ToString().TrimEnd('/'));
        info.ArgumentList.Add("--Ingestion:Mllp:Port=0");
        var tokens = new BenchTokens(
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(logPath))!, "auth-keys-" + Guid.NewGuid().ToString("N")[..8]), baseAddress);
        foreach (var (key, value) in tokens.HostSettings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        // The closed-loop FHIR stage measures the API's capacity from one client; the per-client rate limit (2,000/s by
        // default, SECURITY.md) would measure the limiter instead. --host-setting overrides this.
        info.ArgumentList.Add("--Security:RateLimit:PermitsPerSecond=1000000");
        info.ArgumentList.Add("--Security:RateLimit:Burst=1000000");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(process, log, baseAddress, tokens);
    }

    /// <summary>Waits for <c>/healthz/ready</c>; fails with the exit code when the host dies first.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"carestream exited with {_process.ExitCode} before it was ready; see host.log.");
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
                // slow probe on a busy machine
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new TimeoutException($"carestream was not ready within {timeout}; see host.log.");
    }

    /// <summary>SIGTERM and a graceful shutdown; SIGKILL after 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            if (log.BaseStream.CanWrite)
            {
                log.WriteLine(line);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

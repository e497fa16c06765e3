using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CareStream.Testing.Auth;

namespace CareStream.Testing.Hosting;

/// <summary>
/// The real <c>carestream</c> executable as a child process on a free loopback port: the same binary, roles and
/// configuration an operator runs. Settings go in as <c>--Key=Value</c> arguments; output is captured for
/// diagnostics. Tests can stop it politely (SIGTERM) or kill it (SIGKILL) and start it again.
/// Every API needs a bearer token: unless the caller passes <c>Auth:DataDirectory</c>, the process gets a fresh
/// <see cref="TestTokens"/> key folder, and <see cref="CreateClient"/> sends an administrator token by default.
/// </summary>
public sealed class CareStreamProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    /// <summary>Lifetime of the tokens <see cref="CreateClient"/> mints: longer than any test class or bench run.</summary>
    public static readonly TimeSpan ClientTokenLifetime = TimeSpan.FromHours(4);

    private const string DataDirectoryKey = "Auth:DataDirectory";

    private readonly string? _ownedKeyDirectory;

    private CareStreamProcess(Process process, Uri baseAddress, TestTokens tokens, string? ownedKeyDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        Tokens = tokens;
        _ownedKeyDirectory = ownedKeyDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>Mints tokens this host accepts (its key folder, issuer and audience).</summary>
    public TestTokens Tokens { get; }

    /// <summary>An HttpClient on <see cref="BaseAddress"/> sending <paramref name="accessToken"/> (default: an administrator's).</summary>
    public HttpClient CreateClient(string? accessToken = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        return client.WithBearer(accessToken ?? AdministratorToken());
    }

    /// <summary>A long-lived administrator token (see <see cref="ClientTokenLifetime"/>).</summary>
    public string AdministratorToken() =>
        Tokens.ForUser("usr-admin-eve", CareStream.Auth.CareStreamRoles.Administrator, TestTokens.AdministratorScopes, ClientTokenLifetime);

    /// <summary>A long-lived device-adapter token (may only create Observations).</summary>
    public string DeviceAdapterToken() => Tokens.ForClient("carestream-device-adapter", ["system/Observation.c"], ClientTokenLifetime);

    /// <summary>A long-lived nurse token (ward assignments are server-side).</summary>
    public string NurseToken(string subject = "usr-nurse-anna") =>
        Tokens.ForUser(subject, CareStream.Auth.CareStreamRoles.Nurse, TestTokens.ClinicianScopes, ClientTokenLifetime);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the process wrote so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host; does not wait for readiness (see <see cref="WaitUntilReadyAsync"/>).</summary>
    public static CareStreamProcess Start(IReadOnlyDictionary<string, string> settings, params string[] leadingArguments)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        info.ArgumentList.Add(RepositoryPaths.HostAssembly);
        foreach (var argument in leadingArguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--urls=" + baseAddress.ToString().TrimEnd('/'));
        var (tokens, ownedKeyDirectory) = TokensFor(settings, baseAddress);
        if (ownedKeyDirectory is not null)
        {
            foreach (var (key, value) in tokens.HostSettings)
            {
                info.ArgumentList.Add($"--{key}={value}");
            }
        }

        if (!settings.ContainsKey("Ingestion:Mllp:Port"))
        {
            // Hosts run side by side in tests (and beside a developer's own): MLLP takes a free port, not 2575.
            info.ArgumentList.Add("--Ingestion:Mllp:Port=0");
        }

        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new CareStreamProcess(process, baseAddress, tokens, ownedKeyDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Waits until <c>/healthz/ready</c> answers 200; otherwise kills the process and fails with its output.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"carestream exited with {_process.ExitCode} before it was ready:\n{Tail()}");
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
                // a slow health probe on a busy machine: ask again
            }

            await Task.Delay(250, cancellationToken);
        }

        // Never leave a half-started host behind: a fixture whose start failed may not be disposed.
        await KillAsync();
        throw new TimeoutException($"carestream was not ready within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the graceful shutdown (or fails after <paramref name="timeout"/>).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(20));
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
        if (_ownedKeyDirectory is not null)
        {
            try
            {
                Directory.Delete(_ownedKeyDirectory, recursive: true);
            }
            catch (IOException)
            {
                // a temp folder left behind is harmless
            }
        }
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 60) => string.Join('\n', Output.Split('\n').TakeLast(lines));

    /// <summary>
    /// The caller's key folder (and issuer/audience if given) when it passes <c>Auth:DataDirectory</c>; otherwise a fresh
    /// temporary one whose settings are added, with this process's own URL as the issuer.
    /// </summary>
    private static (TestTokens Tokens, string? OwnedKeyDirectory) TokensFor(IReadOnlyDictionary<string, string> settings, Uri baseAddress)
    {
        if (settings.TryGetValue(DataDirectoryKey, out var directory))
        {
            return (new TestTokens(
                directory,
                settings.GetValueOrDefault("Auth:Issuer") ?? baseAddress.ToString(),
                settings.GetValueOrDefault("Auth:Audience") ?? TestTokens.DefaultAudience), null);
        }

        var owned = Path.Combine(Path.GetTempPath(), "carestream-auth-" + Guid.NewGuid().ToString("N"));
        return (new TestTokens(owned, baseAddress.ToString()), owned);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

using CareStream.Testing.Auth;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A real host for the hardening tests: the fixture's Kafka and database, the test's own token key (so the host
/// trusts <see cref="Tokens"/>), and every HTTP client made in one place with a bearer token.
/// </summary>
internal sealed class HardeningHost : IAsyncDisposable
{
    private readonly List<HttpClient> _clients = [];

    private HardeningHost(CareStreamProcess process, TestTokens tokens)
    {
        Process = process;
        Tokens = tokens;
    }

    public CareStreamProcess Process { get; }

    public TestTokens Tokens { get; }

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>The host's own origin, as a browser on its dashboard sends it.</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public static async Task<HardeningHost> StartAsync(
        KafkaFixture kafka, string connectionString, string roles, IReadOnlyDictionary<string, string>? extra = null)
    {
        var tokens = TestTokens.InTemporaryDirectory();
        var settings = await HostSettings.CreateAsync(kafka, connectionString);
        foreach (var (key, value) in tokens.HostSettings.Concat(extra ?? new Dictionary<string, string>()))
        {
            settings.With(key, value);
        }

        var process = CareStreamProcess.Start(settings.Values, "--roles", roles);
        await process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        return new HardeningHost(process, tokens);
    }

    /// <summary>An HTTP client of this host sending <paramref name="token"/> (owned and disposed by the host).</summary>
    public HttpClient Client(string token, int maxConnections = 8)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = maxConnections })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        }.WithBearer(token);
        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Process.DisposeAsync();
        try
        {
            Directory.Delete(Tokens.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the host may still hold a file for a moment; a temp folder is fine to leave
        }
    }
}

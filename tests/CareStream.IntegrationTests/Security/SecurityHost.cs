using CareStream.Testing.Auth;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// One real <c>carestream --roles all</c> process per test class for the access-control scenarios, with its own
/// topics, database and key folder. <c>Auth:Issuer</c> is deliberately not set: the host defaults it to its own URL,
/// and both the tokens minted here and those its embedded server issues must validate against that.
/// </summary>
public sealed class SecurityHost(KafkaFixture kafka) : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private readonly string _keyDirectory = Path.Combine(Path.GetTempPath(), "carestream-auth-" + Guid.NewGuid().ToString("N"));
    private CareStreamProcess? _process;

    public CareStreamProcess Process => _process ?? throw new InvalidOperationException("The host is not started.");

    public TestTokens Tokens => Process.Tokens;

    public async ValueTask InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var settings = await HostSettings.CreateAsync(kafka, _postgres.ConnectionString);
        settings.With("Auth:DataDirectory", _keyDirectory);
        _process = CareStreamProcess.Start(settings.Values, "--roles", "all");
        await _process.WaitUntilReadyAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
    }

    /// <summary>A client without any token.</summary>
    public HttpClient Anonymous() => new() { BaseAddress = Process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>A client sending <paramref name="accessToken"/>.</summary>
    public HttpClient With(string accessToken) => Process.CreateClient(accessToken, TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        if (Directory.Exists(_keyDirectory))
        {
            Directory.Delete(_keyDirectory, recursive: true);
        }
    }
}

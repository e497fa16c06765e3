using CareStream.Storage.Embedded;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Storage;

/// <summary>
/// The configured connection string, or the embedded cluster started on first use (synchronously, once), so nothing
/// can reach the database before it exists, whichever service asks first.
/// </summary>
internal sealed class DatabaseEndpoint : IDatabaseEndpoint, IAsyncDisposable
{
    private readonly Lazy<string> _connectionString;

    public DatabaseEndpoint(IOptions<StorageOptions> options, ILoggerFactory loggerFactory)
    {
        var settings = options.Value;
        IsEmbedded = settings.UsesEmbeddedServer;
        if (IsEmbedded)
        {
            Server = new EmbeddedPostgresServer(
                settings.EmbeddedDataDirectory ?? EmbeddedPostgresServer.DefaultDataDirectory(),
                settings.PostgresBinDirectory,
                loggerFactory.CreateLogger<EmbeddedPostgresServer>());
        }

        _connectionString = new Lazy<string>(
            () =>
            {
                if (Server is null)
                {
                    return settings.ConnectionString!;
                }

                Server.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
                return Server.ConnectionString;
            },
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EmbeddedPostgresServer? Server { get; }

    public bool IsEmbedded { get; }

    public string ConnectionString => _connectionString.Value;

    public async ValueTask DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

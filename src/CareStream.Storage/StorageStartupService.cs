using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareStream.Storage;

/// <summary>
/// Registered before the other storage services: starts the embedded cluster and applies migrations (embedded mode, or
/// when <c>Storage:MigrateOnStart</c> is true); stops the embedded cluster last on shutdown.
/// </summary>
internal sealed class StorageStartupService(DatabaseEndpoint endpoint, IServiceProvider services, IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (endpoint.Server is { } server)
        {
            await server.StartAsync(cancellationToken);
        }

        if (options.Value.MigrateOnStart ?? endpoint.IsEmbedded)
        {
            await StorageExtensions.MigrateAsync(services, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (endpoint.Server is { } server)
        {
            await server.StopAsync(cancellationToken);
        }
    }
}

using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CareStream.Host;

/// <summary>Prints where the dashboard is once Kestrel is listening, so the first README command ends with a URL.</summary>
internal sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
            {
                LogListening(logger, address);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "CareStream is running. Dashboard: {Url}")]
    private static partial void LogListening(ILogger logger, string url);
}

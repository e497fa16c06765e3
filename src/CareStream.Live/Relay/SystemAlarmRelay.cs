using CareStream.Live.Hubs;
using CareStream.Messaging.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Live.Relay;

/// <summary>
/// Pushes the process's system alarms (<see cref="SystemAlarmBoard"/>, reported by the rules role in the same process)
/// to every connected dashboard at once, without Kafka: the "pipeline: Kafka unreachable" alarm cannot take the
/// alerts topic. A live role running without the rules role in its process has nothing on the board.
/// </summary>
public sealed class SystemAlarmRelay(
    SystemAlarmBoard board, IHubContext<WardHub, IWardClient> hub, ILogger<SystemAlarmRelay> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var alarm in board.WatchAsync(stoppingToken))
            {
                var notification = SystemAlarmNotification.From(alarm);
                await hub.Clients.All.SystemAlarmChanged(notification);
                Log.SystemAlarmPushed(logger, notification.EpisodeId, notification.Type);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}

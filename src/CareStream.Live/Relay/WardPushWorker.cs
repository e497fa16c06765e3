using CareStream.Live.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareStream.Live.Relay;

/// <summary>
/// Flushes coalesced updates to each ward's SignalR group on a short period, with the unassociated-device markers that
/// appeared, cleared on a patient reading, or timed out since the last flush.
/// </summary>
public sealed class WardPushWorker(
    LiveWardState state,
    IHubContext<WardHub, IWardClient> hub,
    IOptions<LiveOptions> options,
    TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PushInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (ward, updates) in state.DrainPending())
                {
                    await hub.Clients.Group(HubGroups.Ward(ward)).VitalsUpdated(updates);
                }

                state.UnassociatedDevices.Expire(timeProvider.GetUtcNow());
                foreach (var (ward, marker) in state.UnassociatedDevices.DrainChanges())
                {
                    await hub.Clients.Group(HubGroups.Ward(ward)).UnassociatedDeviceChanged(marker);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

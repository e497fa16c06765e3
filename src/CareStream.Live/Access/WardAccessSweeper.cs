using CareStream.Auth.Access;
using CareStream.Live.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Live.Access;

/// <summary>
/// Re-evaluates, every <see cref="LiveOptions.AccessSweepInterval"/>, the wards each open connection follows and takes
/// it out of the groups of wards its user may no longer see (guide A7). Checking per push would cost a lookup per
/// frame; a sweep costs one cached lookup per connection. An unassignment therefore stops the frames within the
/// ward-access cache time plus one sweep (30 s + 15 s by default, inside the guide's 60 s).
/// </summary>
public sealed class WardAccessSweeper(
    WardFollowers followers,
    IWardAccess access,
    IHubContext<WardHub, IWardClient> hub,
    IOptions<LiveOptions> options,
    TimeProvider timeProvider,
    ILogger<WardAccessSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.AccessSweepInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over every following connection; returns how many ward memberships were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        foreach (var (connectionId, user, wards) in followers.Snapshot())
        {
            WardScope scope;
            try
            {
                scope = await access.ScopeOfAsync(user, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database is away: keep the memberships (they were allowed) and try again next sweep.
                Log.AccessSweepFailed(logger, e.GetType().Name);
                return removed;
            }

            foreach (var ward in wards.Where(w => !scope.Allows(w)))
            {
                followers.Unfollow(connectionId, ward);
                await hub.Groups.RemoveFromGroupAsync(connectionId, HubGroups.Ward(ward), cancellationToken);
                Log.WardAccessRevoked(logger, connectionId, ward);
                removed++;
            }
        }

        return removed;
    }
}

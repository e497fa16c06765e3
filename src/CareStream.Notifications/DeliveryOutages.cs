using CareStream.Storage.Notifications;
using Microsoft.Extensions.Logging;

namespace CareStream.Notifications;

/// <summary>
/// Ends a subscription's delivery outage: publishes the resolution of the "notification undeliverable" technical alarms
/// its failures raised (from <c>notification_delivery.technical_episode_id</c>, written in the same process before the
/// offset is stored, so nothing lags), then clears <c>undeliverable_since</c>. Resolution before clearing: a crash in
/// between resolves again on the next success under the same event ids (consumers de-duplicate).
/// </summary>
public sealed class DeliveryOutages(
    SubscriptionStore subscriptions, DeliveryLog log, UndeliverableNotifications undeliverable, ILogger<DeliveryOutages> logger)
{
    /// <summary>Ends the subscription's open outage, if any (one indexed read when none is open).</summary>
    public async Task EndAsync(string subscriptionId, string reason, CancellationToken cancellationToken)
    {
        if (await subscriptions.OutageStartAsync(subscriptionId, cancellationToken) is { } since)
        {
            await EndAsync(subscriptionId, since, reason, cancellationToken);
        }
    }

    /// <summary>Ends the outages of deleted or turned-off subscriptions: they will never deliver again.</summary>
    public async Task EndAbandonedAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in await subscriptions.ListAbandonedOutagesAsync(cancellationToken))
        {
            var reason = subscription.DeletedAt is null ? "subscription turned off" : "subscription deleted";
            await EndAsync(subscription.Id, subscription.UndeliverableSince!.Value, reason, cancellationToken);
        }
    }

    private async Task EndAsync(string subscriptionId, DateTimeOffset since, string reason, CancellationToken cancellationToken)
    {
        var episodes = await log.TechnicalAlarmsSinceAsync(subscriptionId, since, cancellationToken);
        var resolved = await undeliverable.ResolveAsync(subscriptionId, since, episodes, reason, cancellationToken);
        await subscriptions.EndOutageAsync(subscriptionId, since, cancellationToken);
        Log.OutageEnded(logger, subscriptionId, since, reason, resolved);
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareStream.Notifications;

/// <summary>
/// Every <see cref="NotifierOptions.SubscriptionRefreshInterval"/> (at least 1 s), resolves the "notification
/// undeliverable" technical alarms of subscriptions that were deleted or turned off during an outage (no delivery
/// will ever succeed to end it). Idempotent across notify instances (deterministic event ids).
/// </summary>
public sealed class AbandonedOutageWorker(
    DeliveryOutages outages, IOptions<NotifierOptions> options, TimeProvider time, ILogger<AbandonedOutageWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = options.Value.SubscriptionRefreshInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.Value.SubscriptionRefreshInterval;
        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await outages.EndAbandonedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or Confluent.Kafka.KafkaException or InvalidOperationException)
            {
                Log.OutageCheckFailed(logger, ex);
            }
        }
    }
}

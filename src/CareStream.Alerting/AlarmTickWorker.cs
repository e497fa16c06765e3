using CareStream.Alerting.Publishing;
using CareStream.Alerting.RuleSets;
using CareStream.Alerting.Tracking;
using CareStream.Messaging.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting;

/// <summary>
/// Lets time pass for every tracked patient: each <c>Alerting:TickInterval</c> it calls <c>OnTick(now)</c>, so
/// "no data" technical alarms, escalations and audio-pause expiry happen without new readings (F10, F13), and it
/// re-reads changed rule-set files every <c>Alerting:RuleSetReloadInterval</c>. If the alarm events of a tick
/// cannot be delivered the host is stopped: alarm state that Kafka never saw must not live on silently.
/// </summary>
internal sealed class AlarmTickWorker(
    PatientTrackers trackers,
    WardRuleSets ruleSets,
    RegistryDirectory registry,
    AlarmPublisher publisher,
    PatientScorePublisher scores,
    IOptions<AlertingOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<AlarmTickWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ruleSets.Initialize(); // an invalid rule set file stops the start with every error listed
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var lastReload = time.GetTimestamp();
        using var timer = new PeriodicTimer(settings.TickInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (time.GetElapsedTime(lastReload) >= settings.RuleSetReloadInterval)
                {
                    ruleSets.Refresh();
                    lastReload = time.GetTimestamp();
                }

                await TickAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is Confluent.Kafka.KafkaException or InvalidOperationException or ObjectDisposedException)
        {
            Log.TickPublishFailed(logger, ex);
            lifetime.StopApplication();
        }
    }

    /// <summary>One evaluation tick over every tracked patient; completes when its events are durable.</summary>
    internal Task TickAsync()
    {
        var now = time.GetUtcNow();
        var deliveries = new List<Task>();
        foreach (var tracked in trackers.Snapshot())
        {
            var location = registry.CurrentBedOf(tracked.Patient);
            var ruleSet = ruleSets.For(location?.Ward);
            // The tick also ages NEWS2 inputs out of their freshness window: the score turns incomplete, never stale.
            deliveries.Add(tracked.RunAsync(ruleSet, t => t.OnTick(now), publisher, new ScoreContext(scores, location, now)));
        }

        return Task.WhenAll(deliveries);
    }
}

using System.Data.Common;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Messaging.Health;
using CareStream.Messaging.Producing;
using CareStream.Storage.Alerts;
using Confluent.Kafka;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Pipeline;

/// <summary>
/// Raises the "pipeline: Kafka unreachable" technical alarm when the readiness probe of Kafka (<see cref="KafkaHealthCheck"/>,
/// a metadata request) has failed for <see cref="AlertingOptions.KafkaUnreachableGrace"/>, and resolves it on the first
/// successful probe. The alarm cannot travel through <c>carestream.alerts.v1</c> while Kafka is down, so it is written to
/// the alarm store directly (like the notifier's own technical alarm, ADR 2611); once Kafka answers, the raise and the
/// resolution are published to the alerts topic (same event ids: the store de-duplicates) so the history is complete.
/// </summary>
internal sealed class KafkaUnreachableMonitor(
    KafkaHealthCheck kafka,
    KafkaProducer producer,
    IOptions<KafkaOptions> kafkaOptions,
    IOptions<AlertingOptions> options,
    SystemAlarmBoard board,
    IServiceProvider services,
    TimeProvider time,
    ILogger<KafkaUnreachableMonitor> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    private readonly PipelineOutage _outage = new(options.Value.KafkaUnreachableGrace);
    private readonly AlarmEventWriter? _store = AlarmEventWriter.FromServices(services);
    private readonly List<AlarmEvent> _unpublished = [];
    private readonly string _source = Environment.MachineName;

    /// <summary>The open alarm, or null while Kafka is reachable (or within the grace).</summary>
    public AlarmRaised? Current { get; private set; }

    /// <summary>One probe and its consequences (the loop calls it every <see cref="AlertingOptions.TickInterval"/>).</summary>
    public async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        var health = await kafka.CheckHealthAsync(new HealthCheckContext(), cancellationToken);
        var reachable = health.Status == HealthStatus.Healthy;
        var now = time.GetUtcNow();
        if (_outage.Observe(reachable, now) is { } change)
        {
            AlarmEvent alarm;
            if (change.Raised)
            {
                alarm = Current = KafkaUnreachableAlarm.Raised(_source, change.OutageStart, now);
                Log.KafkaUnreachableRaised(logger, alarm.Episode.EpisodeId, change.OutageStart);
            }
            else
            {
                alarm = KafkaUnreachableAlarm.Resolved(_source, change.OutageStart, Current?.Episode.RaisedAt ?? change.OutageStart, now);
                Current = null;
                Log.KafkaUnreachableResolved(logger, alarm.Episode.EpisodeId, change.OutageStart);
            }

            board.Report(alarm); // the live role in this process pushes it to every dashboard at once
            await StoreAsync(alarm, cancellationToken);
            _unpublished.Add(alarm);
        }

        if (reachable)
        {
            await PublishPendingAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TickInterval, time);
        do
        {
            await CheckOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task StoreAsync(AlarmEvent alarm, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return; // no database in this process: the log and the readiness check are all there is until Kafka is back
        }

        try
        {
            await _store.WriteAsync([new AlarmEventRecord(alarm, AlarmEventCodec.TypeOf(alarm), null, null, AlarmEventCodec.Encode(alarm))], cancellationToken);
        }
        catch (DbException ex)
        {
            Log.PipelineAlarmNotStored(logger, ex, alarm.EventId);
        }
    }

    private async Task PublishPendingAsync(CancellationToken cancellationToken)
    {
        while (_unpublished.Count > 0)
        {
            var alarm = _unpublished[0];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            try
            {
                await producer.ProduceAsync(
                    kafkaOptions.Value.Topics.Alerts, AlarmEventCodec.KeyOf(alarm), AlarmEventCodec.Encode(alarm), cancellationToken: timeout.Token);
            }
            catch (Exception ex) when (ex is KafkaException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                Log.PipelineAlarmNotPublished(logger, ex, alarm.EventId);
                return; // retried on the next tick
            }

            _unpublished.RemoveAt(0);
        }
    }
}

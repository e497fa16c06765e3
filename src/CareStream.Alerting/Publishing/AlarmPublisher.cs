using CareStream.Messaging.Alerts;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Publishing;

/// <summary>
/// Writes alarm events to <c>carestream.alerts.v1</c> (key = patient id, value = <see cref="AlarmEventCodec"/>),
/// with the patient's current ward and bed from the registry.
/// </summary>
public sealed class AlarmPublisher(
    KafkaProducer producer, IOptions<KafkaOptions> kafka, RegistryDirectory registry, ILogger<AlarmPublisher> logger)
{
    private readonly string _topic = kafka.Value.Topics.Alerts;

    /// <summary>
    /// Enqueues the events in order (the idempotent producer keeps that order within the patient's partition) and
    /// returns a task that completes when every one is acknowledged by the cluster, or faults with the first failure.
    /// </summary>
    public Task Enqueue(IReadOnlyList<AlarmEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var deliveries = new Task[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var alarmEvent = events[i];
            var location = registry.CurrentBedOf(alarmEvent.Episode.Patient);
            var value = AlarmEventCodec.Encode(alarmEvent, location?.Ward, location?.Bed);
            var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            producer.Produce(_topic, AlarmEventCodec.KeyOf(alarmEvent), value, headers: null, report =>
            {
                if (report.Error.IsError)
                {
                    delivered.TrySetException(new KafkaException(report.Error));
                    return;
                }

                Published(alarmEvent);
                delivered.TrySetResult();
            });
            deliveries[i] = delivered.Task;
        }

        return Task.WhenAll(deliveries);
    }

    private void Published(AlarmEvent alarmEvent)
    {
        var type = AlarmEventCodec.TypeOf(alarmEvent);
        var episode = alarmEvent.Episode;
        var priority = WireNames.Of(episode.Priority);
        AlertingTelemetry.EventsPublished.Add(1, new KeyValuePair<string, object?>("type", type));
        if (alarmEvent is AlarmRaised)
        {
            AlertingTelemetry.AlarmsRaised.Add(
                1, new KeyValuePair<string, object?>("priority", priority), new KeyValuePair<string, object?>("category", WireNames.Of(episode.Category)));
        }

        Log.AlarmPublished(logger, type, alarmEvent.EventId, episode.EpisodeId, episode.RuleId, episode.Patient.Value, priority);
    }
}

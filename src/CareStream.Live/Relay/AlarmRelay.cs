using CareStream.Domain.Alerts;
using CareStream.Live.Hubs;
using CareStream.Messaging.Alerts;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.Relay;

/// <summary>
/// The live role's alarm path: alert events → a sequence number in the ward's alarm log → pushed to the ward group
/// at once (alarms are never coalesced). Redelivered events keep their first sequence number and are not re-sent.
/// </summary>
public sealed class AlarmRelay(
    KafkaConsumerContext context,
    RegistryDirectory registry,
    LiveWardState state,
    IHubContext<WardHub, IWardClient> hub) : KafkaConsumerService(context)
{
    public const string ConsumerName = "live-alarms";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            AlarmEventEnvelope envelope;
            try
            {
                envelope = AlarmEventCodec.Decode(message.Message.Value);
            }
            catch (FormatException ex)
            {
                Log.SkippedInvalidAlarm(Logger, message.TopicPartitionOffset.ToString(), ex.GetType().Name);
                continue;
            }

            var episode = envelope.Event.Episode;
            if (episode.Patient == SystemAlarmBoard.SystemPatient)
            {
                // Ward-independent system alarms reach dashboards in-process (SystemAlarmRelay); on the topic they
                // arrive only after the outage (raise and resolution together): history, not something to show.
                continue;
            }

            var bed = envelope.Bed?.Value ?? registry.CurrentBedOf(episode.Patient)?.Bed.Value;
            var ward = envelope.Ward?.Value ?? registry.CurrentBedOf(episode.Patient)?.Ward.Value;
            if (ward is null)
            {
                Log.AlarmWithoutWard(Logger, envelope.Event.EventId, episode.EpisodeId);
                continue;
            }

            var alarm = state.AlarmsOf(ward).Append(sequence => ToNotification(sequence, envelope.Event, bed));
            if (alarm is not null)
            {
                await hub.Clients.Group(HubGroups.Ward(ward)).AlarmChanged(alarm);
            }
        }

        return BatchOutcome.Success;
    }

    private static AlarmNotification ToNotification(long sequence, AlarmEvent alarmEvent, string? bed)
    {
        var episode = alarmEvent.Episode;
        return new AlarmNotification(
            sequence,
            alarmEvent.EventId,
            AlarmEventCodec.TypeOf(alarmEvent),
            episode.EpisodeId,
            episode.RuleId,
            episode.Patient.Value,
            bed,
            WireNames.Of(episode.Category),
            WireNames.Of(episode.Priority),
            FlagPriority.CodeOf(episode.Priority),
            episode.Condition,
            WireNames.Of(episode.Status),
            episode.EscalationLevel,
            alarmEvent.OccurredAt,
            episode.RaisedAt,
            episode.AudioPausedUntil,
            episode.AcknowledgedBy,
            episode.AcknowledgedAt,
            alarmEvent switch
            {
                AlarmAcknowledged acknowledged => acknowledged.AcknowledgedBy,
                AlarmAudioPaused paused => paused.PausedBy,
                AlarmAnnotated annotated => annotated.AnnotatedBy,
                _ => null,
            },
            alarmEvent is AlarmAnnotated { Assessment: var assessment } ? WireNames.Of(assessment) : null,
            (alarmEvent as AlarmAnnotated)?.Note);
    }
}

using CareStream.Messaging.Alerts;
using CareStream.Messaging.Consuming;
using CareStream.Storage.Alerts;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// The store role's alarm consumer: <c>carestream.alerts.v1</c> → <c>alarm_event</c> (append-only) and
/// <c>alarm_episode</c> (current state), one transaction per batch. The base loop stores the batch's offsets only after
/// <see cref="AlarmEventWriter.WriteAsync"/> has committed; deterministic event ids make a redelivered batch a no-op.
/// A record the codec refuses is dead-lettered with the codec's reason.
/// </summary>
public sealed class AlarmStoreConsumer(KafkaConsumerContext context) : KafkaConsumerService(context)
{
    public const string ConsumerName = "store-alarms";

    public const string InvalidAlarmRecord = "InvalidAlarmRecord";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var records = new List<AlarmEventRecord>(batch.Count);
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            try
            {
                var value = message.Message.Value ?? throw new FormatException("Alert record has no value.");
                var envelope = AlarmEventCodec.Decode(value);
                records.Add(new AlarmEventRecord(
                    envelope.Event, AlarmEventCodec.TypeOf(envelope.Event), envelope.Ward, envelope.Bed, value,
                    message.Partition.Value, message.Offset.Value));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                // ArgumentException: a value type (PatientId, WardId …) refused a blank id.
                (rejections ??= []).Add(new MessageRejection(message, InvalidAlarmRecord, ex.Message));
            }
        }

        await services.GetRequiredService<AlarmEventWriter>().WriteAsync(records, cancellationToken);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }
}

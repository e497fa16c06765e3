using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using Confluent.Kafka;

namespace CareStream.Live.Relay;

/// <summary>
/// Held readings of devices without a patient (<c>carestream.observations.unassociated.v1</c>, keyed by device id):
/// a record carrying the <c>device-unassociated</c> event and the device's ward and bed marks that tile; the push
/// worker sends the change. Readings without the event are skipped unread (their bodies are not needed here).
/// </summary>
public sealed class UnassociatedRelay(KafkaConsumerContext context, LiveWardState state, TimeProvider time)
    : KafkaConsumerService(context)
{
    public const string ConsumerName = "live-unassociated";

    protected override Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            var headers = message.Message.Headers;
            if (headers.GetString(KafkaHeaders.Event) != KafkaHeaders.DeviceUnassociatedEvent
                || headers.GetString(KafkaHeaders.Ward) is not { Length: > 0 } ward
                || headers.GetString(KafkaHeaders.Bed) is not { Length: > 0 } bed
                || message.Message.Key is not { Length: > 0 } device)
            {
                continue;
            }

            Log.DeviceUnassociated(Logger, device, bed, ward);
            state.UnassociatedDevices.Mark(ward, bed, device, time.GetUtcNow());
        }

        return Task.FromResult(BatchOutcome.Success);
    }
}

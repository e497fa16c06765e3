using CareStream.Fhir.Ingress;
using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using CareStream.Storage.Entities;
using CareStream.Storage.Unassociated;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// The store role's share of "kept, not dropped": readings held by the normalizer because their device had no patient
/// go to <c>unassociated_reading</c>, with the ward and bed from the record headers. The record value is a device-style
/// Observation, read with the ingress parser (the normalizer already checked it, so a rejection here is a defect and
/// goes to the dead-letter topic). Offsets are stored after the insert commits; redelivery inserts nothing new.
/// </summary>
public sealed class UnassociatedReadingStoreConsumer(KafkaConsumerContext context, DeviceObservationParser parser)
    : KafkaConsumerService(context)
{
    public const string ConsumerName = "store-unassociated";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var rows = new List<UnassociatedReading>(batch.Count);
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            var receivedAt = message.Message.Timestamp.UtcDateTime;
            var parsed = parser.Parse(message.Message.Value, receivedAt);
            if (!parsed.IsAccepted)
            {
                var first = parsed.Rejections.Count > 0 ? parsed.Rejections[0] : null;
                (rejections ??= []).Add(new MessageRejection(
                    message, first?.Code.ToString() ?? "NoReadings", first?.Reason ?? "The held Observation holds no reading."));
                continue;
            }

            var ward = message.Message.Headers.GetString(KafkaHeaders.Ward);
            var bed = message.Message.Headers.GetString(KafkaHeaders.Bed);
            foreach (var reading in parsed.Readings)
            {
                rows.Add(new UnassociatedReading
                {
                    ObservationId = reading.ObservationId, Kind = (short)reading.Kind, DeviceId = reading.Device.Value,
                    MdcCode = reading.MdcCode, Value = reading.Value, EffectiveAt = reading.EffectiveAt, Status = (short)reading.Status,
                    WardId = ward, BedId = bed, ReceivedAt = receivedAt,
                });
            }
        }

        await services.GetRequiredService<UnassociatedReadingStore>().WriteAsync(rows, cancellationToken);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }
}

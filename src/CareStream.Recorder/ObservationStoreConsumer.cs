using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Messaging.Consuming;
using CareStream.Storage.Observations;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// The store role: canonical observations in, one binary-COPY transaction per batch out. The base loop stores
/// the batch's offsets only after <see cref="ObservationWriter.WriteAsync"/> has committed, and the deterministic
/// keys make a redelivered batch insert nothing new.
/// </summary>
public sealed class ObservationStoreConsumer(KafkaConsumerContext context) : KafkaConsumerService(context)
{
    public const string ConsumerName = "store-observations";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var readings = new List<VitalSignReading>(batch.Count * 2);
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            try
            {
                CanonicalObservationReader.Read(message.Message.Value, readings);
            }
            catch (FhirFormatException ex)
            {
                (rejections ??= []).Add(new MessageRejection(message, ex.Code.ToString(), ex.Message));
            }
        }

        if (readings.Count > 0)
        {
            await services.GetRequiredService<ObservationWriter>().WriteAsync(readings, cancellationToken);
        }

        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }
}

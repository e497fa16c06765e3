using CareStream.Domain;
using CareStream.Messaging;
using CareStream.Messaging.Producing;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Hl7;

/// <summary>Publishes to <c>Kafka:Topics:DeviceObservations</c> through the process's producer (acks=all, idempotent).</summary>
public sealed class KafkaDeviceObservationPublisher(KafkaProducer producer, IOptions<KafkaOptions> kafka) : IDeviceObservationPublisher
{
    /// <inheritdoc />
    public Task PublishAsync(DeviceId device, byte[] observation, CancellationToken cancellationToken) =>
        producer.ProduceAsync(kafka.Value.Topics.DeviceObservations, device.Value, observation, KafkaHeaders.CreateFhirJson(), cancellationToken);
}

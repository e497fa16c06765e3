using Confluent.Kafka;

namespace CareStream.Messaging;

/// <summary>Builds real Confluent.Kafka clients.</summary>
internal sealed class KafkaClientFactory : IKafkaClientFactory
{
    public IProducer<string, byte[]> CreateProducer(ProducerConfig config, Action<Error> onError) =>
        new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => onError(error))
            .Build();

    public IConsumer<string, byte[]> CreateConsumer(ConsumerConfig config, KafkaConsumerCallbacks callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        return new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => callbacks.Error(error))
            .SetPartitionsAssignedHandler((_, partitions) => callbacks.PartitionsAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => callbacks.PartitionsRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => callbacks.PartitionsLost(partitions))
            .Build();
    }
}

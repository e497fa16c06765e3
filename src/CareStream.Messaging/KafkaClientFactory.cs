using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging;

/// <summary>Builds real Confluent.Kafka clients.</summary>
internal sealed class KafkaClientFactory(ILoggerFactory loggerFactory) : IKafkaClientFactory
{
    private readonly ILogger _librdkafka = loggerFactory.CreateLogger("CareStream.Messaging.Librdkafka");

    public IProducer<string, byte[]> CreateProducer(ProducerConfig config, Action<Error> onError) =>
        new ProducerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => onError(error))
            .SetLogHandler(LibrdkafkaLog.To(_librdkafka))
            .Build();

    public IConsumer<string, byte[]> CreateConsumer(ConsumerConfig config, KafkaConsumerCallbacks callbacks)
    {
        ArgumentNullException.ThrowIfNull(callbacks);
        return new ConsumerBuilder<string, byte[]>(config)
            .SetErrorHandler((_, error) => callbacks.Error(error))
            .SetLogHandler(LibrdkafkaLog.To(_librdkafka))
            .SetPartitionsAssignedHandler((_, partitions) => callbacks.PartitionsAssigned(partitions))
            .SetPartitionsRevokedHandler((_, partitions) => callbacks.PartitionsRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => callbacks.PartitionsLost(partitions))
            .Build();
    }
}

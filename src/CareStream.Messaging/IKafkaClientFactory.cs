using Confluent.Kafka;

namespace CareStream.Messaging;

/// <summary>
/// Creates the Confluent clients. The only seam between CareStream's loop/producer and librdkafka, so unit
/// tests can hand in fakes of <see cref="IConsumer{TKey, TValue}"/> and <see cref="IProducer{TKey, TValue}"/>.
/// </summary>
public interface IKafkaClientFactory
{
    /// <summary>Builds a producer; <paramref name="onError"/> receives client errors (check <see cref="Error.IsFatal"/>).</summary>
    IProducer<string, byte[]> CreateProducer(ProducerConfig config, Action<Error> onError);

    /// <summary>Builds a consumer wired to <paramref name="callbacks"/>.</summary>
    IConsumer<string, byte[]> CreateConsumer(ConsumerConfig config, KafkaConsumerCallbacks callbacks);
}

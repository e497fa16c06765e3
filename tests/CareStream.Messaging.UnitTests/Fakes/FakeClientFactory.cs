using System.Collections.Concurrent;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>Hands out fakes and keeps them for assertions. Messages enqueued before the loop starts go to the next consumer.</summary>
public sealed class FakeClientFactory : IKafkaClientFactory
{
    private readonly ConcurrentQueue<FakeProducer> _producers = new();
    private readonly TaskCompletionSource<FakeConsumer> _consumer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EventLog Log { get; } = new();

    public List<ConsumeResult<string, byte[]>> Pending { get; } = [];

    public List<TopicPartition> AssignOnSubscribe { get; } = [];

    public IReadOnlyList<FakeProducer> Producers => [.. _producers];

    public Task<FakeConsumer> Consumer => _consumer.Task;

    public IProducer<string, byte[]> CreateProducer(ProducerConfig config, Action<Error> onError)
    {
        var producer = new FakeProducer(config, onError, Log);
        _producers.Enqueue(producer);
        return producer;
    }

    public IConsumer<string, byte[]> CreateConsumer(ConsumerConfig config, KafkaConsumerCallbacks callbacks)
    {
        var consumer = new FakeConsumer(config, callbacks, Log);
        consumer.PartitionsOnSubscribe.AddRange(AssignOnSubscribe);
        foreach (var message in Pending)
        {
            consumer.Enqueue(message);
        }

        _consumer.TrySetResult(consumer);
        return consumer;
    }
}

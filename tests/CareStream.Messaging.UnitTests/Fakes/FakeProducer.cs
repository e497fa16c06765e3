using System.Collections.Concurrent;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>Hand-written IProducer: acknowledges every message at once and records it.</summary>
public sealed class FakeProducer(ProducerConfig config, Action<Error> onError, EventLog log) : IProducer<string, byte[]>
{
    private readonly ConcurrentQueue<(string Topic, Message<string, byte[]> Message)> _sent = new();
    private long _offset;

    public ProducerConfig Config { get; } = config;

    public Action<Error> OnError { get; } = onError;

    public IReadOnlyList<(string Topic, Message<string, byte[]> Message)> Sent => [.. _sent];

    public bool Disposed { get; private set; }

    public Task<DeliveryResult<string, byte[]>> ProduceAsync(
        string topic, Message<string, byte[]> message, CancellationToken cancellationToken = default) =>
        Task.FromResult(Record(topic, message));

    public void Produce(string topic, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>>? deliveryHandler = null)
    {
        var result = Record(topic, message);
        deliveryHandler?.Invoke(new DeliveryReport<string, byte[]>
        {
            Topic = result.Topic, Partition = result.Partition, Offset = result.Offset, Message = message, Error = new Error(ErrorCode.NoError),
        });
    }

    public int Flush(TimeSpan timeout) => 0;

    public void Flush(CancellationToken cancellationToken = default)
    {
    }

    public void Dispose() => Disposed = true;

    private DeliveryResult<string, byte[]> Record(string topic, Message<string, byte[]> message)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        _sent.Enqueue((topic, message));
        log.Add($"produce {topic}");
        return new DeliveryResult<string, byte[]>
        {
            Topic = topic, Partition = new Partition(0), Offset = new Offset(Interlocked.Increment(ref _offset)), Message = message,
            Status = PersistenceStatus.Persisted,
        };
    }

    public Handle Handle => throw new NotSupportedException();

    public string Name => "fake-producer";

    public int AddBrokers(string brokers) => throw new NotSupportedException();

    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();

    public Task<DeliveryResult<string, byte[]>> ProduceAsync(
        TopicPartition topicPartition, Message<string, byte[]> message, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public void Produce(
        TopicPartition topicPartition, Message<string, byte[]> message, Action<DeliveryReport<string, byte[]>>? deliveryHandler = null) =>
        throw new NotSupportedException();

    public int Poll(TimeSpan timeout) => 0;

    public void InitTransactions(TimeSpan timeout) => throw new NotSupportedException();

    public void BeginTransaction() => throw new NotSupportedException();

    public void CommitTransaction(TimeSpan timeout) => throw new NotSupportedException();

    public void CommitTransaction() => throw new NotSupportedException();

    public void AbortTransaction(TimeSpan timeout) => throw new NotSupportedException();

    public void AbortTransaction() => throw new NotSupportedException();

    public void SendOffsetsToTransaction(
        IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) =>
        throw new NotSupportedException();
}

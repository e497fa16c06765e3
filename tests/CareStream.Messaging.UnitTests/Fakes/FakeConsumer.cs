using System.Collections.Concurrent;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>Hand-written IConsumer: serves queued messages, records stored offsets and Close().</summary>
public sealed class FakeConsumer(ConsumerConfig config, KafkaConsumerCallbacks callbacks, EventLog log) : IConsumer<string, byte[]>
{
    private readonly ConcurrentQueue<ConsumeResult<string, byte[]>> _queue = new();
    private readonly ConcurrentQueue<TopicPartitionOffset> _stored = new();

    public ConsumerConfig Config { get; } = config;

    public KafkaConsumerCallbacks Callbacks { get; } = callbacks;

    public IReadOnlyList<TopicPartitionOffset> Stored => [.. _stored];

    public bool Closed { get; private set; }

    public bool Disposed { get; private set; }

    public string? SubscribedTopic { get; private set; }

    public int Served { get; private set; }

    public List<TopicPartition> PartitionsOnSubscribe { get; } = [];

    public void Enqueue(ConsumeResult<string, byte[]> message) => _queue.Enqueue(message);

    public ConsumeResult<string, byte[]>? Consume(TimeSpan timeout)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            if (_queue.TryDequeue(out var message))
            {
                Served++;
                return message;
            }

            if (clock.Elapsed >= timeout)
            {
                return null;
            }

            Thread.Sleep(5); // like librdkafka: a message arriving during the wait is returned at once
        }
    }

    public ConsumeResult<string, byte[]> Consume(int millisecondsTimeout) => Consume(TimeSpan.FromMilliseconds(millisecondsTimeout))!;

    public ConsumeResult<string, byte[]> Consume(CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public void Subscribe(string topic)
    {
        SubscribedTopic = topic;
        if (PartitionsOnSubscribe.Count > 0)
        {
            Callbacks.PartitionsAssigned(PartitionsOnSubscribe);
        }
    }

    public void StoreOffset(ConsumeResult<string, byte[]> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var next = new TopicPartitionOffset(result.TopicPartition, result.Offset + 1);
        _stored.Enqueue(next);
        log.Add($"store {next.Topic}[{next.Partition.Value}]@{next.Offset.Value}");
    }

    public void Close()
    {
        Closed = true;
        log.Add("close");
    }

    public void Dispose() => Disposed = true;

    public string MemberId => "fake-member";

    public List<TopicPartition> Assignment => [];

    public List<string> Subscription => SubscribedTopic is null ? [] : [SubscribedTopic];

    public IConsumerGroupMetadata ConsumerGroupMetadata => throw new NotSupportedException();

    public Handle Handle => throw new NotSupportedException();

    public string Name => "fake-consumer";

    public int AddBrokers(string brokers) => throw new NotSupportedException();

    public void SetSaslCredentials(string username, string password) => throw new NotSupportedException();

    public void Subscribe(IEnumerable<string> topics) => throw new NotSupportedException();

    public void Unsubscribe() => throw new NotSupportedException();

    public void Assign(TopicPartition partition) => throw new NotSupportedException();

    public void Assign(TopicPartitionOffset partition) => throw new NotSupportedException();

    public void Assign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();

    public void Assign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();

    public void IncrementalAssign(IEnumerable<TopicPartitionOffset> partitions) => throw new NotSupportedException();

    public void IncrementalAssign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();

    public void IncrementalUnassign(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();

    public void Unassign() => throw new NotSupportedException();

    public void StoreOffset(TopicPartitionOffset offset) => throw new NotSupportedException();

    public List<TopicPartitionOffset> Commit() => throw new NotSupportedException();

    public void Commit(IEnumerable<TopicPartitionOffset> offsets) => throw new NotSupportedException();

    public void Commit(ConsumeResult<string, byte[]> result) => throw new NotSupportedException();

    public void Seek(TopicPartitionOffset tpo) => throw new NotSupportedException();

    public void Pause(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();

    public void Resume(IEnumerable<TopicPartition> partitions) => throw new NotSupportedException();

    public List<TopicPartitionOffset> Committed(TimeSpan timeout) => throw new NotSupportedException();

    public List<TopicPartitionOffset> Committed(IEnumerable<TopicPartition> partitions, TimeSpan timeout) => throw new NotSupportedException();

    public Offset Position(TopicPartition partition) => throw new NotSupportedException();

    public List<TopicPartitionOffset> OffsetsForTimes(IEnumerable<TopicPartitionTimestamp> timestampsToSearch, TimeSpan timeout) =>
        throw new NotSupportedException();

    public WatermarkOffsets GetWatermarkOffsets(TopicPartition topicPartition) => throw new NotSupportedException();

    public WatermarkOffsets QueryWatermarkOffsets(TopicPartition topicPartition, TimeSpan timeout) => throw new NotSupportedException();
}

using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace CareStream.Bench.Measuring;

/// <summary>
/// Consumer lag per group: high watermark minus committed offset, summed over the topic's partitions. Committed
/// offsets advance on the consumers' auto-commit interval (librdkafka default 5 s), so the lag saw-tooths by up to
/// that many seconds of traffic even when the pipeline keeps up.
/// </summary>
public sealed class LagMonitor : IDisposable
{
    private readonly IAdminClient _admin;
    private readonly IConsumer<byte[], byte[]> _watermarks;
    private readonly IReadOnlyList<(string Group, string Topic)> _groups;
    private readonly Dictionary<string, int> _partitions = [];

    public LagMonitor(string bootstrapServers, IReadOnlyList<(string Group, string Topic)> groups)
    {
        _groups = groups;
        _admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        _watermarks = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "carestream-bench-watermarks",
        }).Build();
    }

    public IReadOnlyList<string> Groups => [.. _groups.Select(g => g.Group)];

    /// <summary>Lag in messages per group; -1 when the group has no committed offsets yet.</summary>
    public async Task<Dictionary<string, long>> SampleAsync()
    {
        var lags = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (group, topic) in _groups)
        {
            var partitions = Enumerable.Range(0, PartitionsOf(topic)).Select(p => new TopicPartition(topic, p)).ToList();
            var committed = await _admin.ListConsumerGroupOffsetsAsync(
                [new ConsumerGroupTopicPartitions(group, partitions)],
                new ListConsumerGroupOffsetsOptions { RequestTimeout = TimeSpan.FromSeconds(5) });
            long lag = 0;
            var any = false;
            foreach (var offset in committed[0].Partitions)
            {
                var high = _watermarks.QueryWatermarkOffsets(offset.TopicPartition, TimeSpan.FromSeconds(5)).High.Value;
                if (offset.Offset.Value >= 0)
                {
                    any = true;
                    lag += Math.Max(0, high - offset.Offset.Value);
                }
                else
                {
                    lag += high; // nothing committed on this partition yet: all of it is unread
                }
            }

            lags[group] = any ? lag : -1;
        }

        return lags;
    }

    /// <summary>Records pruned from the start of the topic (low watermark > 0): the mock cluster's 5 MB/partition cap.</summary>
    public long PrunedRecords(string topic) => Enumerable.Range(0, PartitionsOf(topic))
        .Sum(p => _watermarks.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(5)).Low.Value);

    private int PartitionsOf(string topic)
    {
        if (!_partitions.TryGetValue(topic, out var count))
        {
            count = _admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions.Count;
            _partitions[topic] = count;
        }

        return count;
    }

    public void Dispose()
    {
        _watermarks.Dispose();
        _admin.Dispose();
    }
}

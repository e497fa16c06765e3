using System.Diagnostics;
using System.Text;
using CareStream.Messaging;
using CareStream.Messaging.Embedded;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Xunit;

namespace CareStream.Testing.Kafka;

/// <summary>
/// Kafka for tests: librdkafka's mock cluster started in-process with every CareStream topic at its real
/// partition count, or the external cluster named by <c>CARESTREAM_TEST_KAFKA</c> (bootstrap servers).
/// Share it with <c>ICollectionFixture&lt;KafkaFixture&gt;</c>; give each test its own topics via
/// <see cref="CreateTopicAsync"/> so tests never see each other's messages.
/// </summary>
public sealed class KafkaFixture : IAsyncLifetime
{
    /// <summary>Environment variable naming an external cluster's bootstrap servers.</summary>
    public const string ExternalClusterVariable = "CARESTREAM_TEST_KAFKA";

    private IKafkaCluster? _cluster;

    /// <summary>The cluster under test; register it as <see cref="IKafkaCluster"/> in test hosts.</summary>
    public IKafkaCluster Cluster => _cluster ?? throw new InvalidOperationException("KafkaFixture is not initialized.");

    /// <summary>Bootstrap servers of <see cref="Cluster"/>.</summary>
    public string BootstrapServers => Cluster.BootstrapServers;

    /// <summary>True when running against librdkafka's mock cluster.</summary>
    public bool IsEmbedded => Cluster.IsEmbedded;

    /// <summary>Replication factor that fits the cluster (1 for the mock, 3 for an external one unless it is smaller).</summary>
    public short ReplicationFactor { get; private set; } = 1;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(ExternalClusterVariable);
        if (string.IsNullOrWhiteSpace(external))
        {
            _cluster = EmbeddedKafkaCluster.Start(brokerCount: 3);
            ReplicationFactor = 3;
        }
        else
        {
            _cluster = new ExternalKafkaCluster(external);
            ReplicationFactor = (short)Math.Min(3, BrokerCount(external));
        }

        foreach (var topic in Topics.All(new KafkaOptions()))
        {
            await CreateTopicAsync(topic.Name, topic.Partitions, topic.Compacted);
        }
    }

    /// <summary>Creates a fresh topic named <c>{prefix}-{guid}</c> and returns its name.</summary>
    public async Task<string> CreateUniqueTopicAsync(string prefix, int partitions = Topics.DefaultPartitions)
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await CreateTopicAsync(name, partitions, compacted: false);
        return name;
    }

    /// <summary>Creates a topic (no-op when it exists).</summary>
    public async Task CreateTopicAsync(string name, int partitions, bool compacted = false)
    {
        if (Cluster.Embedded is { } embedded)
        {
            embedded.CreateTopic(name, partitions, ReplicationFactor);
            return;
        }

        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        try
        {
            await admin.CreateTopicsAsync(
            [
                new TopicSpecification
                {
                    Name = name, NumPartitions = partitions, ReplicationFactor = ReplicationFactor,
                    Configs = new Dictionary<string, string> { ["cleanup.policy"] = compacted ? "compact" : "delete" },
                },
            ]);
        }
        catch (CreateTopicsException ex) when (ex.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
        }
    }

    /// <summary>Produces UTF-8 values with an idempotent producer and waits for every delivery report.</summary>
    public async Task ProduceAsync(string topic, IEnumerable<KeyValuePair<string, string>> messages, Headers? headers = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = BootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = 1,
        }).Build();
        var deliveries = messages.Select(m => producer.ProduceAsync(
            topic, new Message<string, byte[]> { Key = m.Key, Value = Encoding.UTF8.GetBytes(m.Value), Headers = headers })).ToList();
        await Task.WhenAll(deliveries);
    }

    /// <summary>
    /// Reads <paramref name="topic"/> from the beginning (all partitions, no group) until
    /// <paramref name="expected"/> messages arrived or <paramref name="timeout"/> passed, and returns what it read.
    /// </summary>
    public IReadOnlyList<ConsumeResult<string, byte[]>> ReadAll(string topic, int expected, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = BootstrapServers, GroupId = $"carestream-test-reader-{Guid.NewGuid():N}", EnableAutoCommit = false,
        }).Build();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = BootstrapServers }).Build();
        var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single().Partitions;
        consumer.Assign(partitions.Select(p => new TopicPartitionOffset(topic, p.PartitionId, Offset.Beginning)));
        var read = new List<ConsumeResult<string, byte[]>>();
        var clock = Stopwatch.StartNew();
        while (read.Count < expected && clock.Elapsed < timeout)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } result)
            {
                read.Add(result);
            }
        }

        consumer.Close();
        return read;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        (_cluster as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int BrokerCount(string bootstrapServers)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
        try
        {
            return admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Count;
        }
        catch (KafkaException ex)
        {
            throw new InvalidOperationException(
                $"{ExternalClusterVariable}={bootstrapServers} is not reachable ({ex.Error.Reason}). Start that cluster or unset {ExternalClusterVariable} to use the in-process mock cluster.", ex);
        }
    }
}

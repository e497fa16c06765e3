using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>Turns <see cref="KafkaConsumerOptions.Client"/> into the librdkafka config the loop relies on.</summary>
internal static class KafkaConsumerConfigBuilder
{
    /// <summary>Fetch wait on the embedded mock cluster (see <see cref="Build"/>); explicit settings win.</summary>
    public const int EmbeddedFetchWaitMaxMs = 10;

    public static ConsumerConfig Build(string name, KafkaConsumerOptions settings, KafkaOptions kafka, string bootstrapServers)
    {
        // A fresh config: Confluent's ConsumerConfig(IDictionary) would share the bound options dictionary.
        var config = new ConsumerConfig(kafka.ClientConfig<ConsumerConfig>(settings.Client))
        {
            BootstrapServers = bootstrapServers,
            // Confluent's at-least-once recipe: the loop stores offsets after the effect is durable and
            // librdkafka's auto-commit commits only stored offsets.
            EnableAutoOffsetStore = false,
            EnableAutoCommit = true,
        };
        config.GroupId ??= GroupIdFor(name);
        config.ClientId ??= config.GroupId;
        config.PartitionAssignmentStrategy ??= PartitionAssignmentStrategy.CooperativeSticky;
        config.AutoOffsetReset ??= AutoOffsetReset.Earliest;
        if (kafka.UsesEmbeddedCluster)
        {
            // A real broker answers a waiting fetch as soon as data arrives; librdkafka's mock cluster answers only
            // when fetch.wait.max.ms (default 500 ms) runs out. That added up to 0.5 s per hop and made W2 fall behind
            // (docs/benchmarks.md, "Whole pipeline"). Short waits cost some idle CPU on the development broker only.
            config.FetchWaitMaxMs ??= EmbeddedFetchWaitMaxMs;
        }

        return config;
    }

    /// <summary><c>carestream-&lt;name&gt;</c>, i.e. <c>carestream-&lt;role&gt;-&lt;consumer&gt;</c> by naming convention.</summary>
    public static string GroupIdFor(string name) => $"carestream-{name}";
}

using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>Turns <see cref="KafkaConsumerOptions.Client"/> into the librdkafka config the loop relies on.</summary>
internal static class KafkaConsumerConfigBuilder
{
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
        return config;
    }

    /// <summary><c>carestream-&lt;name&gt;</c>, i.e. <c>carestream-&lt;role&gt;-&lt;consumer&gt;</c> by naming convention.</summary>
    public static string GroupIdFor(string name) => $"carestream-{name}";
}

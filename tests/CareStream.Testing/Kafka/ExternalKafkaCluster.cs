using CareStream.Messaging;
using CareStream.Messaging.Embedded;

namespace CareStream.Testing.Kafka;

/// <summary>A real cluster named by <c>CARESTREAM_TEST_KAFKA</c>.</summary>
internal sealed class ExternalKafkaCluster(string bootstrapServers) : IKafkaCluster
{
    public string BootstrapServers { get; } = bootstrapServers;

    public bool IsEmbedded => false;

    public EmbeddedKafkaCluster? Embedded => null;
}

using CareStream.Messaging.Embedded;

namespace CareStream.Messaging;

/// <summary>The Kafka cluster this process talks to, resolved once per process.</summary>
public interface IKafkaCluster
{
    /// <summary>librdkafka <c>bootstrap.servers</c>; reading it starts the embedded cluster on first use.</summary>
    string BootstrapServers { get; }

    /// <summary>True when the cluster is librdkafka's in-process mock cluster.</summary>
    bool IsEmbedded { get; }

    /// <summary>The embedded cluster (for topic creation and fault injection), or null for a real cluster.</summary>
    EmbeddedKafkaCluster? Embedded { get; }
}

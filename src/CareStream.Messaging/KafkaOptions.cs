using System.ComponentModel.DataAnnotations;

namespace CareStream.Messaging;

/// <summary>
/// Kafka connection and topic settings, section <c>Kafka</c>. librdkafka settings are kept as raw
/// librdkafka property names (<c>linger.ms</c>, <c>security.protocol</c>, ...), not re-modelled.
/// </summary>
public sealed class KafkaOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka";

    /// <summary>
    /// <c>Kafka:BootstrapServers</c>. Null or empty starts librdkafka's in-memory mock cluster in-process
    /// (development only).
    /// </summary>
    public string? BootstrapServers { get; set; }

    /// <summary><c>Kafka:Partitions</c>: partition count of every CareStream topic.</summary>
    [Range(1, 10_000, ErrorMessage = "Kafka:Partitions must be between {1} and {2}.")]
    public int Partitions { get; set; } = Messaging.Topics.DefaultPartitions;

    /// <summary>
    /// <c>Kafka:ReplicationFactor</c> for topics created on a real cluster (3 in production). The embedded
    /// cluster uses the smaller of this and <see cref="EmbeddedBrokers"/>.
    /// </summary>
    [Range(1, 32, ErrorMessage = "Kafka:ReplicationFactor must be between {1} and {2}.")]
    public short ReplicationFactor { get; set; } = 3;

    /// <summary><c>Kafka:MinInSyncReplicas</c> set on topics created on a real cluster.</summary>
    [Range(1, 32, ErrorMessage = "Kafka:MinInSyncReplicas must be between {1} and {2}.")]
    public int MinInSyncReplicas { get; set; } = 2;

    /// <summary><c>Kafka:EmbeddedBrokers</c>: broker count of the embedded mock cluster.</summary>
    [Range(1, 9, ErrorMessage = "Kafka:EmbeddedBrokers must be between {1} and {2}.")]
    public int EmbeddedBrokers { get; set; } = 3;

    /// <summary><c>Kafka:HealthCheckTimeout</c>: metadata request timeout of the readiness check.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00", ErrorMessage = "Kafka:HealthCheckTimeout must be between {1} and {2}.")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// <c>Kafka:ProvisionTopics</c>: create missing topics on a real cluster at start (default true). Turn off where
    /// the deployment owns the topics and the roles have no CREATE permission (Strimzi KafkaTopic resources).
    /// </summary>
    public bool ProvisionTopics { get; set; } = true;

    /// <summary><c>Kafka:ProvisioningTimeout</c>: how long start-up waits for the admin client before going on unready.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Kafka:ProvisioningTimeout must be between {1} and {2}.")]
    public TimeSpan ProvisioningTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Kafka:Topics:*</c>: topic names.</summary>
    [Required]
    public KafkaTopicNames Topics { get; set; } = new();

    /// <summary>
    /// <c>Kafka:Client:*</c>: librdkafka properties applied to EVERY client this process creates (producer,
    /// consumers, admin, registry reader), e.g. <c>security.protocol</c>, <c>sasl.mechanism</c>,
    /// <c>sasl.username</c>, <c>sasl.password</c>, <c>ssl.ca.location</c>. Client-specific sections override them.
    /// </summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>Kafka:Producer:*</c>: librdkafka producer properties, e.g. <c>Kafka:Producer:linger.ms</c>.
    /// <c>acks=all</c>, <c>enable.idempotence=true</c> and <c>linger.ms=1</c> are the defaults;
    /// acks and idempotence cannot be weakened.
    /// </summary>
    public Dictionary<string, string> Producer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A client config of type <typeparamref name="TConfig"/> with <see cref="Client"/> applied first and
    /// <paramref name="specific"/> over it.
    /// </summary>
    public TConfig ClientConfig<TConfig>(IReadOnlyDictionary<string, string>? specific = null)
        where TConfig : Confluent.Kafka.ClientConfig, new()
    {
        var config = new TConfig();
        foreach (var (key, value) in Client)
        {
            config.Set(key, value);
        }

        foreach (var (key, value) in specific ?? new Dictionary<string, string>())
        {
            config.Set(key, value);
        }

        return config;
    }

    /// <summary>True when <see cref="BootstrapServers"/> is empty and the mock cluster will be started.</summary>
    public bool UsesEmbeddedCluster => string.IsNullOrWhiteSpace(BootstrapServers);
}

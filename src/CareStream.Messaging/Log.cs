using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging;

/// <summary>Messaging log events (EventIds 1000-1999). Only Kafka coordinates and codes, never payloads.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Warning,
        "Started librdkafka's in-memory MOCK Kafka cluster ({BrokerCount} broker(s)) at {BootstrapServers}. "
        + "It is a development broker: all data is lost when the process exits. Set Kafka:BootstrapServers for a real cluster.")]
    public static partial void EmbeddedClusterStarted(ILogger logger, int brokerCount, string bootstrapServers);

    [LoggerMessage(1001, LogLevel.Information, "Provisioned {TopicCount} topics on {BootstrapServers}")]
    public static partial void TopicsProvisioned(ILogger logger, int topicCount, string bootstrapServers);

    [LoggerMessage(1002, LogLevel.Error,
        "Could not create the CareStream topics on {BootstrapServers}: {Reason}. Readiness stays unhealthy until Kafka is "
        + "reachable; where the deployment owns the topics (deploy/), set Kafka:ProvisionTopics=false.")]
    public static partial void TopicsNotProvisioned(ILogger logger, string bootstrapServers, string reason);

    [LoggerMessage(1003, LogLevel.Information, "Topic provisioning is off (Kafka:ProvisionTopics=false); the deployment creates the topics")]
    public static partial void TopicProvisioningDisabled(ILogger logger);

    [LoggerMessage(1010, LogLevel.Warning, "Delivery to {Topic} failed: {ErrorCode} {Reason}")]
    public static partial void ProduceFailed(ILogger logger, string topic, ErrorCode errorCode, string reason);

    [LoggerMessage(1011, LogLevel.Warning, "Producer error {ErrorCode}: {Reason} ({Suppressed} repeats suppressed)")]
    public static partial void ProducerError(ILogger logger, ErrorCode errorCode, string reason, int suppressed);

    [LoggerMessage(1012, LogLevel.Critical, "Fatal producer error {ErrorCode}: {Reason}; replacing the producer")]
    public static partial void ProducerFatal(ILogger logger, ErrorCode errorCode, string reason);

    [LoggerMessage(1013, LogLevel.Warning, "Producer replaced after a fatal error (generation {Generation})")]
    public static partial void ProducerRecreated(ILogger logger, int generation);

    [LoggerMessage(1014, LogLevel.Error, "Producer disposed with {Count} message(s) still undelivered")]
    public static partial void ProducerDisposedWithPending(ILogger logger, int count);

    [LoggerMessage(1020, LogLevel.Information, "Consumer {Consumer} subscribed to {Topic} as group {GroupId}")]
    public static partial void ConsumerStarted(ILogger logger, string consumer, string topic, string groupId);

    [LoggerMessage(1021, LogLevel.Warning, "Consumer {Consumer}: consume error {ErrorCode}: {Reason}")]
    public static partial void ConsumeFailed(ILogger logger, string consumer, ErrorCode errorCode, string reason);

    [LoggerMessage(1022, LogLevel.Critical, "Consumer {Consumer} failed; offsets of the current batch are not stored, stopping the host")]
    public static partial void ConsumerFaulted(ILogger logger, Exception exception, string consumer);

    [LoggerMessage(1023, LogLevel.Warning, "Consumer {Consumer} dead-lettered {TopicPartitionOffset}: {ErrorCode}")]
    public static partial void DeadLettered(ILogger logger, string consumer, TopicPartitionOffset topicPartitionOffset, string errorCode);

    [LoggerMessage(1024, LogLevel.Debug, "Consumer {Consumer} no longer owns {TopicPartitionOffset}; offset not stored")]
    public static partial void StoreSkipped(ILogger logger, string consumer, TopicPartitionOffset topicPartitionOffset);

    [LoggerMessage(1025, LogLevel.Information, "Consumer {Consumer} assigned {Count} partition(s), now owns {Total}")]
    public static partial void PartitionsAssigned(ILogger logger, string consumer, int count, int total);

    [LoggerMessage(1026, LogLevel.Information, "Consumer {Consumer} gave up {Count} partition(s) (lost: {Lost}), now owns {Total}")]
    public static partial void PartitionsRevoked(ILogger logger, string consumer, int count, int total, bool lost);

    [LoggerMessage(1027, LogLevel.Critical, "Consumer {Consumer}: fatal error {ErrorCode}: {Reason}; stopping the host")]
    public static partial void ConsumerFatal(ILogger logger, string consumer, ErrorCode errorCode, string reason);

    [LoggerMessage(1028, LogLevel.Warning, "Consumer {Consumer}: client error {ErrorCode}: {Reason} ({Suppressed} repeats suppressed)")]
    public static partial void ConsumerError(ILogger logger, string consumer, ErrorCode errorCode, string reason, int suppressed);

    [LoggerMessage(1029, LogLevel.Warning, "Consumer {Consumer}: Close() failed; uncommitted offsets will be re-read")]
    public static partial void CloseFailed(ILogger logger, Exception exception, string consumer);
}

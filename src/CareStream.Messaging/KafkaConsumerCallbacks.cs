using Confluent.Kafka;

namespace CareStream.Messaging;

/// <summary>Callbacks librdkafka invokes from inside <c>Consume</c> on the loop's thread.</summary>
/// <param name="PartitionsAssigned">Incremental assignment (cooperative-sticky).</param>
/// <param name="PartitionsRevoked">Incremental revocation; stored offsets are still committed.</param>
/// <param name="PartitionsLost">Partitions lost without a clean revoke (their offsets cannot be committed).</param>
/// <param name="Error">Client errors; <see cref="Error.IsFatal"/> ones stop the consumer.</param>
public sealed record KafkaConsumerCallbacks(
    Action<IReadOnlyList<TopicPartition>> PartitionsAssigned,
    Action<IReadOnlyList<TopicPartitionOffset>> PartitionsRevoked,
    Action<IReadOnlyList<TopicPartitionOffset>> PartitionsLost,
    Action<Error> Error);

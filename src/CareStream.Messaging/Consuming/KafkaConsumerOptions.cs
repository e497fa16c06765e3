using System.ComponentModel.DataAnnotations;

namespace CareStream.Messaging.Consuming;

/// <summary>
/// Settings of one consumer, named options bound from <c>Kafka:Consumers:&lt;Name&gt;</c> where the name is
/// the one given to <see cref="MessagingExtensions.AddKafkaConsumer{TConsumer}"/>.
/// </summary>
public sealed class KafkaConsumerOptions
{
    /// <summary>Configuration section that holds one sub-section per consumer name.</summary>
    public const string SectionName = "Kafka:Consumers";

    /// <summary><c>Kafka:Consumers:&lt;Name&gt;:Topic</c>: the subscribed (first) topic (set in code by default).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Kafka:Consumers:<Name>:Topic is required.")]
    public string? Topic { get; set; }

    /// <summary>
    /// <c>Kafka:Consumers:&lt;Name&gt;:AdditionalTopics</c>: further topics the same consumer subscribes to (set in code
    /// by default). Batches then mix topics; the handler dispatches on <c>ConsumeResult.Topic</c>. To see the same
    /// partition numbers of every topic in one member, use equal partition counts and <c>partition.assignment.strategy=range</c>.
    /// </summary>
    public List<string> AdditionalTopics { get; set; } = [];

    /// <summary>
    /// <c>Kafka:Consumers:&lt;Name&gt;:Client:*</c>: librdkafka consumer properties as they come
    /// (<c>group.id</c>, <c>auto.offset.reset</c>, ...). <c>enable.auto.offset.store</c> is always false.
    /// </summary>
    public Dictionary<string, string> Client { get; set; } = new(StringComparer.Ordinal);

    /// <summary><c>Kafka:Consumers:&lt;Name&gt;:MaxBatchSize</c>: most messages handed to one batch call.</summary>
    [Range(1, 100_000, ErrorMessage = "Kafka:Consumers:<Name>:MaxBatchSize must be between {1} and {2}.")]
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>
    /// <c>Kafka:Consumers:&lt;Name&gt;:MaxBatchLatency</c>: how long a batch waits for more messages after its
    /// first one. Zero takes only what is already fetched.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10", ErrorMessage = "Kafka:Consumers:<Name>:MaxBatchLatency must be between {1} and {2}.")]
    public TimeSpan MaxBatchLatency { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// <c>Kafka:Consumers:&lt;Name&gt;:DeadLetterTopic</c>; null uses <c>Kafka:Topics:ObservationsDeadLetter</c>.
    /// </summary>
    public string? DeadLetterTopic { get; set; }

    /// <summary><see cref="Topic"/> followed by <see cref="AdditionalTopics"/>, without blanks and duplicates.</summary>
    public IReadOnlyList<string> SubscribedTopics() =>
        [.. new[] { Topic }.Concat(AdditionalTopics).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).Distinct(StringComparer.Ordinal)];
}

using System.Globalization;
using System.Text;
using CareStream.Messaging.Producing;
using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>
/// Writes a rejected message to a dead-letter topic with its original key, bytes and headers plus the
/// <c>carestream-original-*</c> and <c>carestream-error-*</c> headers of <see cref="KafkaHeaders"/>.
/// A value too large for the broker (an oversize payload is a classic poison message) is cut to its first
/// <see cref="TruncatedValueBytes"/> bytes and flagged, so dead-lettering it cannot itself fail and stall the partition.
/// </summary>
public sealed class DeadLetterPublisher(KafkaProducer producer)
{
    /// <summary>Values above this are truncated: below Kafka's default 1 MB <c>message.max.bytes</c> with room for headers.</summary>
    public const int MaxValueBytes = 900 * 1024;

    /// <summary>How much of an oversize value is kept for diagnosis.</summary>
    public const int TruncatedValueBytes = 64 * 1024;

    /// <summary>Publishes and waits for the broker's acknowledgement.</summary>
    public Task PublishAsync(
        string deadLetterTopic, string? consumerGroup, MessageRejection rejection, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterTopic);
        ArgumentNullException.ThrowIfNull(rejection);
        var original = rejection.Message;
        var headers = new Headers();
        foreach (var header in original.Message.Headers ?? [])
        {
            headers.Add(header.Key, header.GetValueBytes());
        }

        Add(headers, KafkaHeaders.OriginalTopic, original.Topic);
        Add(headers, KafkaHeaders.OriginalPartition, original.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.OriginalOffset, original.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.OriginalTimestamp,
            original.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.ErrorCode, rejection.ErrorCode);
        Add(headers, KafkaHeaders.ErrorReason, rejection.Reason);
        if (consumerGroup is not null)
        {
            Add(headers, KafkaHeaders.ConsumerGroup, consumerGroup);
        }

        var value = original.Message.Value ?? [];
        if (value.Length > MaxValueBytes)
        {
            Add(headers, KafkaHeaders.OriginalSize, value.Length.ToString(CultureInfo.InvariantCulture));
            Add(headers, KafkaHeaders.Truncated, "true");
            value = value[..TruncatedValueBytes];
        }

        return producer.ProduceAsync(deadLetterTopic, original.Message.Key, value, headers, cancellationToken);
    }

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));
}

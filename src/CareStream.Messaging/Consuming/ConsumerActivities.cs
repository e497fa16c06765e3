using System.Diagnostics;
using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>Spans around handlers, continuing the producer's W3C trace context from the headers.</summary>
internal static class ConsumerActivities
{
    private const int MaxLinks = 128;

    /// <summary>
    /// One span per batch. A batch of one continues its message's trace; a larger batch links to each
    /// message's trace (OpenTelemetry messaging convention for batch receive).
    /// </summary>
    public static Activity? StartBatch(string consumer, IReadOnlyList<ConsumeResult<string, byte[]>> batch)
    {
        if (!MessagingTelemetry.ActivitySource.HasListeners())
        {
            return null;
        }

        var topic = batch[0].Topic;
        ActivityContext parent = default;
        List<ActivityLink>? links = null;
        if (batch.Count == 1)
        {
            parent = KafkaHeaders.ExtractTraceContext(batch[0].Message.Headers);
        }
        else
        {
            links = [.. batch.Select(m => KafkaHeaders.ExtractTraceContext(m.Message.Headers))
                .Where(c => c != default).Take(MaxLinks).Select(c => new ActivityLink(c))];
        }

        var activity = MessagingTelemetry.ActivitySource.StartActivity($"process {topic}", ActivityKind.Consumer, parent, links: links);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.name", topic);
        activity?.SetTag("messaging.consumer.group.name", consumer);
        activity?.SetTag("messaging.batch.message_count", batch.Count);
        return activity;
    }

    /// <summary>One span per message, child of the producer's span.</summary>
    public static Activity? StartMessage(ConsumeResult<string, byte[]> message)
    {
        var parent = KafkaHeaders.ExtractTraceContext(message.Message.Headers);
        var activity = MessagingTelemetry.ActivitySource.StartActivity($"handle {message.Topic}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "kafka");
        activity?.SetTag("messaging.destination.partition.id", message.Partition.Value);
        activity?.SetTag("messaging.kafka.offset", message.Offset.Value);
        return activity;
    }
}

using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>Stores a handled batch's offsets: the last message of each partition (Confluent stores offset + 1).</summary>
internal static class BatchOffsets
{
    public static void StoreLastPerPartition(
        IConsumer<string, byte[]> consumer, IReadOnlyList<ConsumeResult<string, byte[]>> batch, Action<TopicPartitionOffset> skipped)
    {
        var lastPerPartition = new Dictionary<TopicPartition, ConsumeResult<string, byte[]>>();
        foreach (var result in batch)
        {
            if (!lastPerPartition.TryGetValue(result.TopicPartition, out var last) || result.Offset > last.Offset)
            {
                lastPerPartition[result.TopicPartition] = result;
            }
        }

        foreach (var result in lastPerPartition.Values)
        {
            try
            {
                consumer.StoreOffset(result); // the next message to read
            }
            catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_State)
            {
                // Revoked during the batch: the new owner re-reads these messages (at-least-once).
                skipped(result.TopicPartitionOffset);
            }
        }
    }
}

using CareStream.Messaging.Consuming;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

public sealed class TestBatchConsumer(KafkaConsumerContext context, BatchProbe probe) : KafkaConsumerService(context)
{
    public List<TopicPartition> AssignedByHook { get; } = [];

    protected override Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken) =>
        Task.FromResult(probe.Handle(batch));

    protected override void OnPartitionsAssigned(IReadOnlyList<TopicPartition> partitions) => AssignedByHook.AddRange(partitions);
}

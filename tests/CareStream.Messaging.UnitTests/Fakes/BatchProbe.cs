using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;
using CareStream.Messaging.Consuming;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>What the test consumers were given, and how they should answer.</summary>
public sealed class BatchProbe
{
    private readonly ConcurrentQueue<IReadOnlyList<ConsumeResult<string, byte[]>>> _batches = new();

    public Func<IReadOnlyList<ConsumeResult<string, byte[]>>, BatchOutcome> Answer { get; set; } = _ => BatchOutcome.Success;

    public IReadOnlyList<IReadOnlyList<ConsumeResult<string, byte[]>>> Batches => [.. _batches];

    public int MessageCount => Batches.Sum(b => b.Count);

    public BatchOutcome Handle(IReadOnlyList<ConsumeResult<string, byte[]>> batch)
    {
        _batches.Enqueue([.. batch]);
        return Answer(batch);
    }

    public async Task WaitForMessagesAsync(int count, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (MessageCount < count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, cancellationToken);
        }
    }
}

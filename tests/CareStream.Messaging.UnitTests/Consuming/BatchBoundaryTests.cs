using CareStream.Messaging.UnitTests.Fakes;

namespace CareStream.Messaging.UnitTests.Consuming;

public sealed class BatchBoundaryTests
{
    [Theory]
    [InlineData(25, 10, new[] { 10, 10, 5 })]
    [InlineData(3, 10, new[] { 3 })]
    [InlineData(4, 1, new[] { 1, 1, 1, 1 })]
    public async Task GivenBufferedMessages_WhenConsumed_ThenBatchesAreCutAtMaxBatchSize(int messages, int maxBatchSize, int[] expected)
    {
        await using var harness = new LoopHarness<TestBatchConsumer>(o => o.MaxBatchSize = maxBatchSize);
        harness.Factory.Pending.AddRange(Enumerable.Range(0, messages).Select(i => TestMessages.Create(0, i, $"m{i}")));

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(messages, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        Assert.Equal(expected, harness.Probe.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task GivenSecondMessageArrivesAfterTheLatency_WhenConsumed_ThenTheFirstBatchIsNotHeldBack()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>(o => o.MaxBatchLatency = TimeSpan.FromMilliseconds(100));
        harness.Factory.Pending.Add(TestMessages.Create(0, 0, "early"));

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(1, TestContext.Current.CancellationToken);
        (await harness.Factory.Consumer).Enqueue(TestMessages.Create(0, 1, "late"));
        await harness.Probe.WaitForMessagesAsync(2, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        Assert.Equal([1, 1], harness.Probe.Batches.Select(b => b.Count));
    }

    [Fact]
    public async Task GivenSecondMessageArrivesWithinTheLatency_WhenConsumed_ThenBothShareOneBatch()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>(o => o.MaxBatchLatency = TimeSpan.FromSeconds(5));
        harness.Factory.Pending.Add(TestMessages.Create(0, 0, "first"));

        await harness.StartAsync();
        var consumer = await harness.Factory.Consumer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await WaitUntilServedAsync(consumer, 1);
        consumer.Enqueue(TestMessages.Create(0, 1, "second"));
        await harness.Probe.WaitForMessagesAsync(2, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        Assert.Equal([2], harness.Probe.Batches.Select(b => b.Count));
    }

    private static async Task WaitUntilServedAsync(FakeConsumer consumer, int count)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (consumer.Served < count && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }
}

using System.Diagnostics;
using System.Text;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.UnitTests.Fakes;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Consuming;

public sealed class KafkaConsumerServiceTests
{
    [Fact]
    public async Task GivenRejectedMessage_WhenBatchHandled_ThenItIsDeadLetteredWithHeadersBeforeOffsetsAreStored()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();
        var traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        harness.Factory.Pending.Add(TestMessages.Create(3, 41, "ok"));
        harness.Factory.Pending.Add(TestMessages.Create(3, 42, "{broken", key: "device-9", headers: new Headers { { "traceparent", Encoding.UTF8.GetBytes(traceParent) } }));
        harness.Factory.Pending.Add(TestMessages.Create(3, 43, "ok too"));
        harness.Probe.Answer = batch => BatchOutcome.WithRejections(new MessageRejection(batch[1], "invalid-json", "Unexpected end of JSON."));

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(3, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        var (topic, letter) = Assert.Single(harness.Factory.Producers.Single().Sent);
        Assert.Equal(Topics.ObservationsDeadLetter, topic);
        Assert.Equal("device-9", letter.Key);
        Assert.Equal("{broken", Encoding.UTF8.GetString(letter.Value));
        Assert.Equal(TestMessages.Topic, letter.Headers.GetString(KafkaHeaders.OriginalTopic));
        Assert.Equal("3", letter.Headers.GetString(KafkaHeaders.OriginalPartition));
        Assert.Equal("42", letter.Headers.GetString(KafkaHeaders.OriginalOffset));
        Assert.Equal("invalid-json", letter.Headers.GetString(KafkaHeaders.ErrorCode));
        Assert.Equal("Unexpected end of JSON.", letter.Headers.GetString(KafkaHeaders.ErrorReason));
        Assert.Equal("carestream-unit-test", letter.Headers.GetString(KafkaHeaders.ConsumerGroup));
        Assert.Equal(traceParent, letter.Headers.GetString(KafkaHeaders.TraceParent));
        Assert.Equal(
            [$"produce {Topics.ObservationsDeadLetter}", $"store {TestMessages.Topic}[3]@44", "close"],
            harness.Factory.Log.Events);
        Assert.False(harness.Lifetime.StopCalled);
    }

    [Fact]
    public async Task GivenAPoisonMessageTooLargeForTheBroker_WhenDeadLettered_ThenItsHeadIsKeptWithTheOriginalSizeAndTheLoopGoesOn()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();
        var huge = new string('x', 2 * 1024 * 1024);
        harness.Factory.Pending.Add(TestMessages.Create(0, 7, huge, key: "device-2mb"));
        harness.Probe.Answer = batch => BatchOutcome.WithRejections(new MessageRejection(batch[0], "MessageTooLarge", "2 MiB exceeds 1 MiB."));

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(1, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        var (_, letter) = Assert.Single(harness.Factory.Producers.Single().Sent);
        Assert.Equal(DeadLetterPublisher.TruncatedValueBytes, letter.Value.Length);
        Assert.Equal((2 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture), letter.Headers.GetString(KafkaHeaders.OriginalSize));
        Assert.Equal("true", letter.Headers.GetString(KafkaHeaders.Truncated));
        Assert.Equal("MessageTooLarge", letter.Headers.GetString(KafkaHeaders.ErrorCode));
        Assert.Contains($"store {TestMessages.Topic}[0]@8", harness.Factory.Log.Events);
        Assert.False(harness.Lifetime.StopCalled);
    }

    [Fact]
    public async Task GivenHandlerFailsTransiently_WhenBatchHandled_ThenNoOffsetIsStoredAndTheHostIsStopped()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();
        harness.Factory.Pending.Add(TestMessages.Create(0, 7, "ok"));
        harness.Probe.Answer = _ => throw new TimeoutException("database unreachable");

        await harness.StartAsync();
        await harness.Lifetime.StopRequested.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await harness.StopAsync();

        var consumer = await harness.Factory.Consumer;
        Assert.Empty(consumer.Stored);
        Assert.True(consumer.Closed);
        Assert.Equal(KafkaConsumerState.Faulted, harness.Consumer.Status.State);
        Assert.Empty(harness.Factory.Producers);
    }

    [Fact]
    public async Task GivenRunningLoop_WhenStopped_ThenCloseIsCalledAndStateIsStopped()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();
        harness.Factory.AssignOnSubscribe.Add(new TopicPartition(TestMessages.Topic, 0));

        await harness.StartAsync();
        var consumer = await harness.Factory.Consumer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => harness.Consumer.Status.State == KafkaConsumerState.Assigned);
        var stateWhileRunning = harness.Consumer.Status.State;
        await harness.StopAsync();

        Assert.Equal(KafkaConsumerState.Assigned, stateWhileRunning);
        Assert.Equal([new TopicPartition(TestMessages.Topic, 0)], harness.Consumer.AssignedByHook);
        Assert.True(consumer.Closed);
        Assert.True(consumer.Disposed);
        Assert.Equal(KafkaConsumerState.Stopped, harness.Consumer.Status.State);
        Assert.False(harness.Lifetime.StopCalled);
    }

    [Fact]
    public async Task GivenFatalConsumerError_WhenReported_ThenTheLoopStopsTheHost()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();

        await harness.StartAsync();
        var consumer = await harness.Factory.Consumer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        consumer.Callbacks.Error(new Error(ErrorCode.Local_Fatal, "fenced", isFatal: true));
        await harness.Lifetime.StopRequested.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await harness.StopAsync();

        Assert.Equal(KafkaConsumerState.Faulted, harness.Consumer.Status.State);
        Assert.True(consumer.Closed);
    }

    [Fact]
    public async Task GivenMessagesOnTwoPartitions_WhenBatchHandled_ThenTheNextOffsetOfEachPartitionIsStored()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>();
        harness.Factory.Pending.AddRange([TestMessages.Create(0, 10, "a"), TestMessages.Create(1, 5, "b"), TestMessages.Create(0, 11, "c")]);

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(3, TestContext.Current.CancellationToken);
        await harness.StopAsync();

        var consumer = await harness.Factory.Consumer;
        Assert.Equal(
            [new TopicPartitionOffset(TestMessages.Topic, 0, 12), new TopicPartitionOffset(TestMessages.Topic, 1, 6)],
            consumer.Stored.OrderBy(o => o.Partition.Value));
    }

    [Fact]
    public async Task GivenSingleMessageHandlerRejectsOne_WhenBatchHandled_ThenOnlyThatOneIsDeadLetteredAndTheOthersAreHandled()
    {
        await using var harness = new LoopHarness<TestMessageConsumer>();
        harness.Factory.Pending.AddRange([TestMessages.Create(0, 1, "good-1"), TestMessages.Create(0, 2, "bad"), TestMessages.Create(0, 3, "good-2")]);

        await harness.StartAsync();
        await harness.Probe.WaitForMessagesAsync(2, TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => harness.Factory.Log.Events.Any(e => e.StartsWith("store", StringComparison.Ordinal)));
        await harness.StopAsync();

        Assert.Equal(["good-1", "good-2"], harness.Probe.Batches.SelectMany(b => b).Select(m => Encoding.UTF8.GetString(m.Message.Value)));
        var (_, letter) = Assert.Single(harness.Factory.Producers.Single().Sent);
        Assert.Equal("invalid-fhir", letter.Headers.GetString(KafkaHeaders.ErrorCode));
        Assert.Equal("Observation.code is missing.", letter.Headers.GetString(KafkaHeaders.ErrorReason));
        Assert.Contains($"store {TestMessages.Topic}[0]@4", harness.Factory.Log.Events);
    }

    [Fact]
    public async Task GivenConsumerSettings_WhenTheLoopBuildsItsClient_ThenAtLeastOnceSettingsAreEnforced()
    {
        await using var harness = new LoopHarness<TestBatchConsumer>(settings: new Dictionary<string, string?>
        {
            ["Kafka:Consumers:unit-test:Client:fetch.min.bytes"] = "1024",
        });

        await harness.StartAsync();
        var consumer = await harness.Factory.Consumer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await harness.StopAsync();

        Assert.Equal(TestMessages.Topic, consumer.SubscribedTopic);
        Assert.Equal("carestream-unit-test", consumer.Config.GroupId);
        Assert.False(consumer.Config.EnableAutoOffsetStore);
        Assert.True(consumer.Config.EnableAutoCommit);
        Assert.Equal(PartitionAssignmentStrategy.CooperativeSticky, consumer.Config.PartitionAssignmentStrategy);
        Assert.Equal(1024, consumer.Config.FetchMinBytes);
        Assert.Equal("fake:9092", consumer.Config.BootstrapServers);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition() && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}

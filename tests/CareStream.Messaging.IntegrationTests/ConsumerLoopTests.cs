using System.Text;
using CareStream.Messaging.Producing;
using CareStream.Testing.Kafka;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.IntegrationTests;

[Collection(KafkaCollection.Name)]
public sealed class ConsumerLoopTests(KafkaFixture kafka)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task GivenTwoThousandMessages_WhenProducedAndConsumedByTheLoop_ThenEachIsHandledExactlyOnce()
    {
        const int Count = 2000;
        var ct = TestContext.Current.CancellationToken;
        var topic = await kafka.CreateUniqueTopicAsync("it-loop");
        var recorder = new MessageRecorder();
        using var host = MessagingTestHost.Create(kafka, recorder, topic, await kafka.CreateUniqueTopicAsync("it-loop-dlq"));
        await host.StartAsync(ct);
        var producer = host.Services.GetRequiredService<KafkaProducer>();
        var failed = 0;

        for (var i = 0; i < Count; i++)
        {
            producer.Produce(topic, $"patient-{i % 97}", Encoding.UTF8.GetBytes($"msg-{i}"), KafkaHeaders.CreateFhirJson(),
                report => { if (report.Error.IsError) { Interlocked.Increment(ref failed); } });
        }

        var pending = producer.Flush(TimeSpan.FromSeconds(30));
        await recorder.WaitForAsync(Count, WaitLimit, ct);
        await host.StopAsync(ct);

        Assert.Equal(0, pending);
        Assert.Equal(0, failed);
        Assert.Equal(Count, recorder.Distinct);
        Assert.Equal(0, recorder.Duplicates);
    }

    [Fact]
    public async Task GivenPoisonBetweenValidMessages_WhenConsumed_ThenPoisonIsDeadLetteredWithHeadersAndTheRestIsHandled()
    {
        var ct = TestContext.Current.CancellationToken;
        var topic = await kafka.CreateUniqueTopicAsync("it-poison", partitions: 1);
        var deadLetter = await kafka.CreateUniqueTopicAsync("it-poison-dlq", partitions: 1);
        var recorder = new MessageRecorder();
        var messages = Enumerable.Range(0, 10).Select(i => KeyValuePair.Create("device-7", $"before-{i}"))
            .Append(KeyValuePair.Create("device-7", RecordingConsumer.PoisonPrefix + "{not json"))
            .Concat(Enumerable.Range(0, 10).Select(i => KeyValuePair.Create("device-7", $"after-{i}")));
        await kafka.ProduceAsync(topic, messages, new Headers { { "traceparent", Encoding.UTF8.GetBytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01") } });
        using var host = MessagingTestHost.Create(kafka, recorder, topic, deadLetter);

        await host.StartAsync(ct);
        await recorder.WaitForAsync(20, WaitLimit, ct);
        var dead = kafka.ReadAll(deadLetter, expected: 1, TimeSpan.FromSeconds(20));
        await host.StopAsync(ct);

        Assert.Equal(20, recorder.Distinct);
        Assert.True(recorder.Contains("after-9"), "the message after the poison was not handled: the partition is blocked");
        var letter = Assert.Single(dead);
        Assert.Equal("device-7", letter.Message.Key);
        Assert.Equal("poison{not json", Encoding.UTF8.GetString(letter.Message.Value));
        var headers = letter.Message.Headers;
        Assert.Equal(topic, headers.GetString(KafkaHeaders.OriginalTopic));
        Assert.Equal("0", headers.GetString(KafkaHeaders.OriginalPartition));
        Assert.Equal("10", headers.GetString(KafkaHeaders.OriginalOffset));
        Assert.Equal("invalid-json", headers.GetString(KafkaHeaders.ErrorCode));
        Assert.Equal("Payload is not a JSON object.", headers.GetString(KafkaHeaders.ErrorReason));
        Assert.NotNull(headers.GetString(KafkaHeaders.TraceParent));
    }

    [Fact]
    public async Task GivenHandlerFailsTransiently_WhenTheHostStopsAndRestarts_ThenNoMessageIsLost()
    {
        const int Count = 300;
        var ct = TestContext.Current.CancellationToken;
        var topic = await kafka.CreateUniqueTopicAsync("it-restart", partitions: 3);
        var deadLetter = await kafka.CreateUniqueTopicAsync("it-restart-dlq", partitions: 1);
        var group = $"carestream-test-restart-{Guid.NewGuid():N}";
        await kafka.ProduceAsync(topic, Enumerable.Range(0, Count).Select(i => KeyValuePair.Create($"patient-{i % 7}", $"msg-{i}")));
        var recorder = new MessageRecorder();
        recorder.FailOnceOn("msg-150");

        using (var crashing = MessagingTestHost.Create(kafka, recorder, topic, deadLetter, group))
        {
            var stopping = crashing.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            await crashing.StartAsync(ct);
            await Task.Delay(TimeSpan.FromSeconds(30), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            Assert.True(stopping.IsCancellationRequested, "the loop did not stop the host after the handler failed");
            await crashing.StopAsync(ct);
        }

        using var restarted = MessagingTestHost.Create(kafka, recorder, topic, deadLetter, group);
        await restarted.StartAsync(ct);
        await recorder.WaitForAsync(Count, WaitLimit, ct);
        await restarted.StopAsync(ct);

        Assert.Equal(Count, recorder.Distinct);
        Assert.True(recorder.Contains("msg-150"));
        Assert.True(recorder.Duplicates < Count, $"{recorder.Duplicates} redeliveries: more than the uncommitted tail");
    }
}

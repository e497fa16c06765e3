using System.Diagnostics;
using System.Text;
using CareStream.Messaging.Producing;
using CareStream.Messaging.UnitTests.Fakes;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.UnitTests.Producing;

public sealed class KafkaProducerTests
{
    private readonly FakeClientFactory _factory = new();

    [Fact]
    public async Task GivenCurrentActivity_WhenProducingFhirJson_ThenTraceparentAndContentTypeHeadersAreAdded()
    {
        using var producer = Create();
        using var activity = new Activity("unit-test").SetIdFormat(ActivityIdFormat.W3C).Start();

        await producer.ProduceAsync(Topics.Observations, "patient-1", Encoding.UTF8.GetBytes("{}"), KafkaHeaders.CreateFhirJson(), TestContext.Current.CancellationToken);

        var (topic, message) = Assert.Single(_factory.Producers.Single().Sent);
        Assert.Equal(Topics.Observations, topic);
        Assert.Equal(activity.Id, message.Headers.GetString(KafkaHeaders.TraceParent));
        Assert.Equal("application/fhir+json; fhirVersion=4.0", message.Headers.GetString(KafkaHeaders.ContentType));
    }

    [Fact]
    public void GivenProducerSettings_WhenTheClientIsBuilt_ThenAcksAllIdempotenceAndLowLingerAreEnforced()
    {
        using var producer = Create(new Dictionary<string, string> { ["compression.type"] = "lz4" });

        producer.Produce(Topics.Alerts, "patient-1", [1]);

        var config = _factory.Producers.Single().Config;
        Assert.Equal(Acks.All, config.Acks);
        Assert.True(config.EnableIdempotence);
        Assert.Equal(1, config.LingerMs);
        Assert.Equal(CompressionType.Lz4, config.CompressionType);
        Assert.Equal("fake:9092", config.BootstrapServers);
    }

    [Fact]
    public async Task GivenFatalProducerError_WhenReported_ThenTheClientIsReplacedWithinFiveSeconds()
    {
        using var producer = Create();
        var faulted = new TaskCompletionSource<KafkaProducerFaultedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        producer.Faulted += (_, e) => faulted.TrySetResult(e);
        producer.Produce(Topics.Alerts, "patient-1", [1]);
        var first = _factory.Producers.Single();

        first.OnError(new Error(ErrorCode.OutOfOrderSequenceNumber, "sequence gap", isFatal: true));
        var fault = await faulted.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await producer.ProduceAsync(Topics.Alerts, "patient-1", [2], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, fault.Error.Code);
        Assert.Equal(1, producer.Generation);
        Assert.True(first.Disposed);
        Assert.Equal(2, _factory.Producers.Count);
        Assert.Single(_factory.Producers[1].Sent);
    }

    [Fact]
    public void GivenProducedMessages_WhenDisposed_ThenTheClientIsFlushedAndDisposed()
    {
        var producer = Create();
        producer.Produce(Topics.Alerts, "patient-1", [1]);

        producer.Dispose();

        Assert.True(_factory.Producers.Single().Disposed);
        Assert.Throws<ObjectDisposedException>(() => producer.Produce(Topics.Alerts, "patient-1", [1]));
    }

    private KafkaProducer Create(Dictionary<string, string>? settings = null) =>
        new(new FakeCluster(), _factory, Options.Create(new KafkaOptions { Producer = settings ?? [] }), NullLogger<KafkaProducer>.Instance);
}

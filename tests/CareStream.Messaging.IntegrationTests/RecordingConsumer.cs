using System.Text;
using CareStream.Messaging.Consuming;
using Confluent.Kafka;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>A single-message consumer that records values and rejects those starting with "poison".</summary>
public sealed class RecordingConsumer(KafkaConsumerContext context, MessageRecorder recorder) : KafkaMessageConsumerService(context)
{
    public const string PoisonPrefix = "poison";

    protected override Task HandleAsync(ConsumeResult<string, byte[]> message, IServiceProvider services, CancellationToken cancellationToken)
    {
        var value = Encoding.UTF8.GetString(message.Message.Value);
        if (recorder.ShouldFail(value))
        {
            throw new TimeoutException("Simulated outage after the handler's own retries.");
        }

        if (value.StartsWith(PoisonPrefix, StringComparison.Ordinal))
        {
            throw new InvalidMessageException("invalid-json", "Payload is not a JSON object.");
        }

        recorder.Record(message);
        return Task.CompletedTask;
    }
}

using System.Text;
using CareStream.Messaging.Consuming;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

/// <summary>Single-message consumer: values starting with "bad" are poison.</summary>
public sealed class TestMessageConsumer(KafkaConsumerContext context, BatchProbe probe) : KafkaMessageConsumerService(context)
{
    protected override Task HandleAsync(ConsumeResult<string, byte[]> message, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Encoding.UTF8.GetString(message.Message.Value).StartsWith("bad", StringComparison.Ordinal))
        {
            throw new InvalidMessageException("invalid-fhir", "Observation.code is missing.");
        }

        probe.Handle([message]);
        return Task.CompletedTask;
    }
}

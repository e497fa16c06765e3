using Confluent.Kafka;

namespace CareStream.Messaging.Producing;

/// <summary>A fatal producer error after which <see cref="KafkaProducer"/> replaced its client.</summary>
/// <param name="error">The fatal error.</param>
public sealed class KafkaProducerFaultedEventArgs(Error error) : EventArgs
{
    /// <summary>The fatal error (code and reason, no payload).</summary>
    public Error Error { get; } = error;
}

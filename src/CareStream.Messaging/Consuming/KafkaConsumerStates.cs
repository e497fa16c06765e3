using System.Collections.Concurrent;

namespace CareStream.Messaging.Consuming;

/// <summary>Status of every consumer registered with <see cref="MessagingExtensions.AddKafkaConsumer{TConsumer}"/>.</summary>
public sealed class KafkaConsumerStates(IEnumerable<KafkaConsumerRegistration> registrations)
{
    private readonly ConcurrentDictionary<string, KafkaConsumerStatus> _statuses = new(
        registrations.Select(r => KeyValuePair.Create(r.Name, new KafkaConsumerStatus(r.Name))), StringComparer.Ordinal);

    /// <summary>All consumers, including those whose loop has not started yet (state Starting).</summary>
    public IReadOnlyCollection<KafkaConsumerStatus> All => [.. _statuses.Values];

    /// <summary>The status of <paramref name="name"/>.</summary>
    public KafkaConsumerStatus Get(string name) => _statuses.GetOrAdd(name, n => new KafkaConsumerStatus(n));
}

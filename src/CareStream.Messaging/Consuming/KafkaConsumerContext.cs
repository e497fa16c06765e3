using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.Consuming;

/// <summary>
/// Everything the consumer loop needs, bundled so a subclass constructor takes one argument:
/// <c>public sealed class StoreConsumer(KafkaConsumerContext context) : KafkaConsumerService(context)</c>.
/// </summary>
public sealed class KafkaConsumerContext(
    IOptionsMonitor<KafkaConsumerOptions> consumerOptions,
    IOptions<KafkaOptions> kafkaOptions,
    IKafkaCluster cluster,
    IKafkaClientFactory clientFactory,
    IServiceScopeFactory scopes,
    DeadLetterPublisher deadLetters,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    KafkaConsumerStates states,
    IEnumerable<KafkaConsumerRegistration> registrations,
    TimeProvider timeProvider)
{
    private readonly KafkaConsumerRegistration[] _registrations = [.. registrations];

    internal IOptionsMonitor<KafkaConsumerOptions> ConsumerOptions { get; } = consumerOptions;

    internal KafkaOptions Kafka { get; } = kafkaOptions.Value;

    internal IKafkaCluster Cluster { get; } = cluster;

    internal IKafkaClientFactory ClientFactory { get; } = clientFactory;

    internal IServiceScopeFactory Scopes { get; } = scopes;

    internal DeadLetterPublisher DeadLetters { get; } = deadLetters;

    internal IHostApplicationLifetime Lifetime { get; } = lifetime;

    internal ILoggerFactory LoggerFactory { get; } = loggerFactory;

    internal KafkaConsumerStates States { get; } = states;

    internal TimeProvider Time { get; } = timeProvider;

    internal string NameOf(Type consumerType) =>
        _registrations.FirstOrDefault(r => r.ConsumerType == consumerType)?.Name
        ?? throw new InvalidOperationException(
            $"{consumerType.Name} is not registered; call services.AddKafkaConsumer<{consumerType.Name}>(name, ...).");
}

using CareStream.Messaging.Consuming;
using CareStream.Messaging.Health;
using CareStream.Messaging.Producing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging;

/// <summary>DI registration of the Kafka layer.</summary>
public static class MessagingExtensions
{
    /// <summary>
    /// Registers options (<c>Kafka</c> section, validated on start), the cluster (embedded mock cluster when
    /// <c>Kafka:BootstrapServers</c> is empty), the singleton <see cref="KafkaProducer"/>, topic provisioning
    /// (a hosted service that runs before any consumer) and the <c>kafka</c>/<c>kafka-consumers</c> readiness checks.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMessaging();
        return builder;
    }

    /// <summary>Same as the builder overload; safe to call more than once.</summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(KafkaConsumerStates)))
        {
            return services;
        }

        services.AddOptions<KafkaOptions>().BindConfiguration(KafkaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaOptions>, KafkaOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KafkaConsumerOptions>, KafkaConsumerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IKafkaCluster, KafkaCluster>();
        services.TryAddSingleton<IKafkaClientFactory, KafkaClientFactory>();
        services.TryAddSingleton<KafkaProducer>();
        services.TryAddSingleton<DeadLetterPublisher>();
        services.TryAddSingleton<KafkaConsumerStates>();
        services.TryAddSingleton<KafkaConsumerContext>();
        services.TryAddSingleton<KafkaHealthCheck>();
        services.TryAddSingleton<Alerts.SystemAlarmBoard>(); // rules role reports, live role pushes (same process only)
        services.TryAddSingleton<KafkaConsumersHealthCheck>();
        // Hosted services start in registration order: topics exist before any consumer subscribes.
        services.AddHostedService<KafkaTopicProvisioner>();
        services.AddHealthChecks()
            .AddCheck<KafkaHealthCheck>("kafka", tags: ["ready"])
            .AddCheck<KafkaConsumersHealthCheck>("kafka-consumers", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TConsumer"/> as a hosted consumer named <paramref name="name"/>
    /// (convention <c>&lt;role&gt;-&lt;consumer&gt;</c>): options from <c>Kafka:Consumers:&lt;name&gt;</c>, group id
    /// <c>carestream-&lt;name&gt;</c> unless <c>Kafka:Consumers:&lt;name&gt;:Client:group.id</c> is set, subscribed
    /// to the topic <paramref name="topic"/> selects from <see cref="KafkaOptions.Topics"/> unless
    /// <c>Kafka:Consumers:&lt;name&gt;:Topic</c> is set.
    /// </summary>
    public static IServiceCollection AddKafkaConsumer<TConsumer>(
        this IServiceCollection services, string name, Func<KafkaTopicNames, string> topic, Action<KafkaConsumerOptions>? configure = null)
        where TConsumer : KafkaConsumerService
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(topic);
        services.AddMessaging();
        services.AddSingleton(new KafkaConsumerRegistration(typeof(TConsumer), name));
        services.AddOptions<KafkaConsumerOptions>(name)
            .Configure(o => configure?.Invoke(o))
            .BindConfiguration($"{KafkaConsumerOptions.SectionName}:{name}")
            .Configure<IOptions<KafkaOptions>>((o, kafka) => o.Topic ??= topic(kafka.Value.Topics))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<TConsumer>();
        return services;
    }

    /// <summary>
    /// Registers <typeparamref name="TConsumer"/> subscribed to several topics in one consumer: the first of
    /// <paramref name="topics"/> becomes <see cref="KafkaConsumerOptions.Topic"/>, the rest
    /// <see cref="KafkaConsumerOptions.AdditionalTopics"/>, unless configuration sets them.
    /// </summary>
    public static IServiceCollection AddMultiTopicKafkaConsumer<TConsumer>(
        this IServiceCollection services, string name, Func<KafkaTopicNames, IReadOnlyList<string>> topics, Action<KafkaConsumerOptions>? configure = null)
        where TConsumer : KafkaConsumerService
    {
        ArgumentNullException.ThrowIfNull(topics);
        services.AddKafkaConsumer<TConsumer>(name, names => topics(names)[0], configure);
        services.AddOptions<KafkaConsumerOptions>(name).Configure<IOptions<KafkaOptions>>((o, kafka) =>
        {
            if (o.AdditionalTopics.Count == 0)
            {
                o.AdditionalTopics.AddRange(topics(kafka.Value.Topics).Skip(1));
            }
        });
        return services;
    }
}

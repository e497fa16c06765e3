using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using CareStream.Storage.Alerts;
using CareStream.Storage.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CareStream.Notifications;

/// <summary>DI registration of the notify role (needs AddMessaging and AddStorage).</summary>
public static class NotificationsExtensions
{
    /// <summary>Alarm events → matching FHIR rest-hook Subscriptions, signed, retried, audited, dead-lettered.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<NotifierOptions>()
            .BindConfiguration(NotifierOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddNotificationStore();
        services.AddAlarmStore(); // the ward and bed of a technical alarm being resolved
        services.AddHttpClient(WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(WebhookConnector.CreateHandler)
            .ConfigureHttpClient((sp, client) => client.Timeout = sp.GetRequiredService<IOptions<NotifierOptions>>().Value.RequestTimeout);
        services.AddSingleton<SubscriptionCache>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<UndeliverableNotifications>();
        services.AddSingleton<DeliveryOutages>();
        services.AddSingleton<NotificationDispatcher>();
        services.AddHostedService<AbandonedOutageWorker>();

        // A new group starts at the end of the topic: a first deployment must not page for every historic alarm.
        services.AddKafkaConsumer<NotificationConsumer>(
            NotificationConsumer.ConsumerName,
            topics => topics.Alerts,
            o => (o.MaxBatchSize, o.Client["auto.offset.reset"]) = (50, "latest"));
        services.AddOptions<KafkaConsumerOptions>(NotificationConsumer.ConsumerName)
            .Configure<IOptions<KafkaOptions>>((o, kafka) => o.DeadLetterTopic ??= kafka.Value.Topics.NotificationsDeadLetter);
        return builder;
    }
}

using CareStream.Storage.Notifications;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Notifications;

/// <summary>Notifier log messages; EventIds 9500-9599. Subscription, event and episode ids only, never bodies or patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} has criteria that no longer parse; it is skipped: {Reason}")]
    public static partial void BadCriteria(ILogger logger, string subscriptionId, string reason);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Debug, Message = "Subscription cache refreshed: {Count} deliverable subscriptions")]
    public static partial void CacheRefreshed(ILogger logger, int count);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Debug, Message = "Notification of event {EventId} to subscription {SubscriptionId} delivered on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string eventId, string subscriptionId, int attempt);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Information, Message = "Notification of event {EventId} to subscription {SubscriptionId} failed on attempt {Attempt}/{MaxAttempts}: {Error}")]
    public static partial void AttemptFailed(ILogger logger, string eventId, string subscriptionId, int attempt, int maxAttempts, string error);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Warning, Message = "Notification of event {EventId} to subscription {SubscriptionId} undeliverable after {Attempts} attempts ({Error}); dead-lettered from {Source}")]
    public static partial void Undeliverable(ILogger logger, string eventId, string subscriptionId, int attempts, string error, TopicPartitionOffset source);

    [LoggerMessage(EventId = 9505, Level = LogLevel.Warning, Message = "Technical alarm {EpisodeId} 'notification undeliverable' raised for subscription {SubscriptionId}")]
    public static partial void TechnicalAlarmRaised(ILogger logger, string episodeId, string subscriptionId);

    [LoggerMessage(EventId = 9507, Level = LogLevel.Information, Message = "Outage of subscription {SubscriptionId} since {Since} ended ({Reason}); {Episodes} technical alarm(s) resolved")]
    public static partial void OutageEnded(ILogger logger, string subscriptionId, DateTimeOffset since, string reason, int episodes);

    [LoggerMessage(EventId = 9508, Level = LogLevel.Error, Message = "Resolving the technical alarms of abandoned subscription outages failed; retried on the next check")]
    public static partial void OutageCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9506, Level = LogLevel.Debug, Message = "Event {EventId} to subscription {SubscriptionId} already {Status}; not sent again")]
    public static partial void AlreadyDone(ILogger logger, string eventId, string subscriptionId, DeliveryStatus status);
}

using CareStream.Storage.Notifications;

namespace CareStream.Notifications;

/// <summary>A deliverable subscription and its parsed criteria.</summary>
public sealed record CachedSubscription(NotificationSubscriptionEntity Subscription, FlagCriteria Criteria);

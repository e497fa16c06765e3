namespace CareStream.Storage.Notifications;

/// <summary>R4 <c>Subscription.status</c>: requested | active | error | off.</summary>
public enum SubscriptionState : short
{
    /// <summary>Accepted, no delivery attempted yet.</summary>
    Requested = 1,

    /// <summary>The last delivery succeeded.</summary>
    Active = 2,

    /// <summary>The last notification could not be delivered after the bounded retries (still matched: delivery resumes).</summary>
    Error = 3,

    /// <summary>Created switched off: never matched.</summary>
    Off = 4,
}

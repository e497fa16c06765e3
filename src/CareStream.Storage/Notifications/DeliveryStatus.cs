namespace CareStream.Storage.Notifications;

/// <summary>Outcome of one notification (one subscription × one alarm event).</summary>
public enum DeliveryStatus : short
{
    /// <summary>Recorded, attempts under way (or interrupted by a crash: the redelivered event resumes it).</summary>
    Pending = 1,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered = 2,

    /// <summary>Undeliverable after the bounded retries (or refused before sending); dead-lettered.</summary>
    Failed = 3,
}

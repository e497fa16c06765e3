namespace CareStream.Storage.Notifications;

/// <summary>
/// One row of <c>notification_delivery</c>, the audit of notifications: to whom (subscription, endpoint), what (event,
/// episode, patient, kind, tier), when (created, last attempt, completed) and the outcome (status, attempts, last code).
/// </summary>
public sealed class NotificationDeliveryEntity
{
    public required string SubscriptionId { get; set; }

    /// <summary>The alarm event's deterministic id; with the subscription it makes a redelivered event a no-op.</summary>
    public required string EventId { get; set; }

    public required string EpisodeId { get; set; }

    public required string PatientId { get; set; }

    /// <summary>Wire type of the event (raised, escalated, …).</summary>
    public required string EventKind { get; set; }

    public int Tier { get; set; }

    /// <summary>The endpoint it was sent to (the subscription can be deleted later).</summary>
    public required string Endpoint { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>HTTP status of the last answer, null when none came.</summary>
    public int? LastStatusCode { get; set; }

    /// <summary>Code of the last failure (<c>http-503</c>, <c>timeout</c>, <c>connect</c>, <c>forbidden-address</c>, …).</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The "notification undeliverable" technical alarm episode this failure raised, if it raised one.</summary>
    public string? TechnicalEpisodeId { get; set; }
}

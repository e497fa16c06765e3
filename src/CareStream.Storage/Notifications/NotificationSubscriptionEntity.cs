namespace CareStream.Storage.Notifications;

/// <summary>One row of <c>notification_subscription</c>: an R4 rest-hook Subscription on Flag criteria.</summary>
public sealed class NotificationSubscriptionEntity
{
    /// <summary>Logical id (32 hex characters, server-assigned).</summary>
    public required string Id { get; set; }

    /// <summary>The criteria as given (<c>Flag?…</c>); parsed by <see cref="FlagCriteria"/>.</summary>
    public required string Criteria { get; set; }

    /// <summary><c>channel.endpoint</c>: https, or http on a loopback host (see <see cref="WebhookEndpointPolicy"/>).</summary>
    public required string Endpoint { get; set; }

    /// <summary>HMAC-SHA256 key (base64url); returned once at creation, never on reads.</summary>
    public required string Secret { get; set; }

    /// <summary>Notification tier: 1 gets raises, n+1 gets escalations to level n.</summary>
    public int Tier { get; set; } = 1;

    public SubscriptionState Status { get; set; }

    /// <summary><c>Subscription.error</c>: the last delivery error code (no receiver body is kept).</summary>
    public string? Error { get; set; }

    /// <summary><c>Subscription.reason</c>.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Set by DELETE; the row stays because the delivery audit refers to it.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    /// <summary>
    /// Start of the open delivery outage (the first undeliverable notification since the last success), null when
    /// none: it names the outage's "notification undeliverable" technical alarm episodes, resolved when it ends.
    /// </summary>
    public DateTimeOffset? UndeliverableSince { get; set; }
}

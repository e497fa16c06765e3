using Microsoft.EntityFrameworkCore;

namespace CareStream.Storage.Notifications;

/// <summary>
/// The per-(subscription, event) delivery status in <c>notification_delivery</c>, which is also the audit of
/// notifications. Every write commits before the notifier goes on, so the Kafka offset is stored only after the
/// outcome is durable.
/// </summary>
public sealed class DeliveryLog(IDbContextFactory<CareStreamDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Records the notification as pending unless it exists (a redelivered event) and returns the stored row, whose
    /// status tells the caller whether anything is left to do.
    /// </summary>
    public async Task<NotificationDeliveryEntity> BeginAsync(NotificationDeliveryEntity delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notification_delivery
                (subscription_id, event_id, episode_id, patient_id, event_kind, tier, endpoint, status, attempts, created_at)
            VALUES ({delivery.SubscriptionId}, {delivery.EventId}, {delivery.EpisodeId}, {delivery.PatientId}, {delivery.EventKind},
                    {delivery.Tier}, {delivery.Endpoint}, {(short)DeliveryStatus.Pending}, 0, {time.GetUtcNow()})
            ON CONFLICT (subscription_id, event_id) DO NOTHING
            """, cancellationToken);
        return await db.Set<NotificationDeliveryEntity>().AsNoTracking()
            .SingleAsync(d => d.SubscriptionId == delivery.SubscriptionId && d.EventId == delivery.EventId, cancellationToken);
    }

    /// <summary>Records one failed attempt (still pending).</summary>
    public Task RecordAttemptAsync(string subscriptionId, string eventId, int attempts, int? statusCode, string error, CancellationToken cancellationToken) =>
        UpdateAsync(subscriptionId, eventId, DeliveryStatus.Pending, attempts, statusCode, error, completed: false, cancellationToken);

    /// <summary>
    /// Records the final outcome: <see cref="DeliveryStatus.Delivered"/> (2xx) or <see cref="DeliveryStatus.Failed"/>,
    /// with the "notification undeliverable" episode a failure raised (<c>technicalEpisodeId</c>), if any.
    /// </summary>
    public Task CompleteAsync(
        string subscriptionId, string eventId, DeliveryStatus status, int attempts, int? statusCode, string? error, CancellationToken cancellationToken,
        string? technicalEpisodeId = null) =>
        UpdateAsync(subscriptionId, eventId, status, attempts, statusCode, error, completed: true, cancellationToken, technicalEpisodeId);

    /// <summary>
    /// The "notification undeliverable" episodes (and their patients) that failures of <paramref name="subscriptionId"/>
    /// completed at or after <paramref name="since"/> raised: the open technical alarms of its current outage.
    /// </summary>
    public async Task<IReadOnlyList<(string EpisodeId, string PatientId)>> TechnicalAlarmsSinceAsync(
        string subscriptionId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<NotificationDeliveryEntity>().AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId && d.TechnicalEpisodeId != null && d.CompletedAt >= since)
            .Select(d => new { EpisodeId = d.TechnicalEpisodeId!, d.PatientId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.EpisodeId, r.PatientId)).Order()];
    }

    /// <summary>The audit rows of one subscription, oldest first.</summary>
    public async Task<IReadOnlyList<NotificationDeliveryEntity>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationDeliveryEntity>().AsNoTracking()
            .Where(d => d.SubscriptionId == subscriptionId)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.EventId)
            .ToListAsync(cancellationToken);
    }

    private async Task UpdateAsync(
        string subscriptionId, string eventId, DeliveryStatus status, int attempts, int? statusCode, string? error, bool completed,
        CancellationToken cancellationToken, string? technicalEpisodeId = null)
    {
        var now = time.GetUtcNow();
        DateTimeOffset? completedAt = completed ? now : null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<NotificationDeliveryEntity>()
            .Where(d => d.SubscriptionId == subscriptionId && d.EventId == eventId && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(
                u => u.SetProperty(d => d.Status, status).SetProperty(d => d.Attempts, attempts)
                    .SetProperty(d => d.LastStatusCode, statusCode).SetProperty(d => d.LastError, error)
                    .SetProperty(d => d.LastAttemptAt, now).SetProperty(d => d.CompletedAt, completedAt)
                    .SetProperty(d => d.TechnicalEpisodeId, technicalEpisodeId),
                cancellationToken);
    }
}

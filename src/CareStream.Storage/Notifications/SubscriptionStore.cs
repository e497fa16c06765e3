using Microsoft.EntityFrameworkCore;

namespace CareStream.Storage.Notifications;

/// <summary>Subscriptions in <c>notification_subscription</c>: written by the FHIR API, read (and status-updated) by the notifier.</summary>
public sealed class SubscriptionStore(IDbContextFactory<CareStreamDbContext> contexts, TimeProvider time)
{
    /// <summary>Inserts a new subscription (the caller assigns id and secret).</summary>
    public async Task CreateAsync(NotificationSubscriptionEntity subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        subscription.CreatedAt = subscription.UpdatedAt = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The subscription, including deleted ones (<see cref="NotificationSubscriptionEntity.DeletedAt"/> set); null when unknown.</summary>
    public async Task<NotificationSubscriptionEntity?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationSubscriptionEntity>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    /// <summary>Live subscriptions, optionally with one status, oldest first, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<NotificationSubscriptionEntity>> SearchAsync(
        SubscriptionState? status, int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Set<NotificationSubscriptionEntity>().AsNoTracking().Where(s => s.DeletedAt == null);
        if (status is { } wanted)
        {
            query = query.Where(s => s.Status == wanted);
        }

        return await query.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id).Take(count).ToListAsync(cancellationToken);
    }

    /// <summary>Every live subscription that is not off: the notifier's match set.</summary>
    public async Task<IReadOnlyList<NotificationSubscriptionEntity>> ListDeliverableAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationSubscriptionEntity>().AsNoTracking()
            .Where(s => s.DeletedAt == null && s.Status != SubscriptionState.Off)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Marks it deleted (kept for the audit); false when unknown or already deleted.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationSubscriptionEntity>()
            .Where(s => s.Id == id && s.DeletedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, now).SetProperty(s => s.UpdatedAt, now), cancellationToken) > 0;
    }

    /// <summary>Sets <c>status</c> and <c>error</c> after a delivery outcome (R4: error after a failed notification, active after a success).</summary>
    public async Task SetStatusAsync(string id, SubscriptionState status, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<NotificationSubscriptionEntity>()
            .Where(s => s.Id == id && s.Status != SubscriptionState.Off && (s.Status != status || s.Error != error))
            .ExecuteUpdateAsync(
                u => u.SetProperty(s => s.Status, status).SetProperty(s => s.Error, error).SetProperty(s => s.UpdatedAt, now),
                cancellationToken);
    }

    /// <summary>
    /// Starts an outage unless one is open and returns its start (as stored, so every caller derives the same
    /// episode ids from it). A subscription unknown here gets <paramref name="fallback"/>.
    /// </summary>
    public async Task<DateTimeOffset> BeginOutageAsync(string id, DateTimeOffset fallback, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var started = await db.Database.SqlQuery<DateTimeOffset>($"""
            UPDATE notification_subscription SET undeliverable_since = coalesce(undeliverable_since, {fallback})
            WHERE id = {id} RETURNING undeliverable_since AS "Value"
            """).ToListAsync(cancellationToken);
        return started.Count == 0 ? fallback : started[0];
    }

    /// <summary>The start of the subscription's open outage, or null when none is open.</summary>
    public async Task<DateTimeOffset?> OutageStartAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationSubscriptionEntity>().AsNoTracking()
            .Where(s => s.Id == id).Select(s => s.UndeliverableSince).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Ends the outage that started at <paramref name="since"/> (no-op when another one is open or none).</summary>
    public async Task EndOutageAsync(string id, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<NotificationSubscriptionEntity>()
            .Where(s => s.Id == id && s.UndeliverableSince == since)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.UndeliverableSince, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>Subscriptions with an open outage that will never deliver again: deleted or turned off.</summary>
    public async Task<IReadOnlyList<NotificationSubscriptionEntity>> ListAbandonedOutagesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<NotificationSubscriptionEntity>().AsNoTracking()
            .Where(s => s.UndeliverableSince != null && (s.DeletedAt != null || s.Status == SubscriptionState.Off))
            .ToListAsync(cancellationToken);
    }
}

using CareStream.Storage.Notifications;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Notifications;

/// <summary>
/// The deliverable subscriptions with their parsed criteria, reloaded from PostgreSQL when older than
/// <see cref="NotifierOptions.SubscriptionRefreshInterval"/> (so a new or deleted subscription takes effect within it).
/// </summary>
public sealed class SubscriptionCache(
    SubscriptionStore store, IOptions<NotifierOptions> options, TimeProvider time, ILogger<SubscriptionCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<CachedSubscription> _current = [];
    private long? _loadedAt;

    /// <summary>The current set, refreshed first when stale.</summary>
    public async Task<IReadOnlyList<CachedSubscription>> GetAsync(CancellationToken cancellationToken)
    {
        if (IsFresh())
        {
            return _current;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsFresh())
            {
                var rows = await store.ListDeliverableAsync(cancellationToken);
                var parsed = new List<CachedSubscription>(rows.Count);
                foreach (var row in rows)
                {
                    if (FlagCriteria.TryParse(row.Criteria, out var error) is { } criteria)
                    {
                        parsed.Add(new CachedSubscription(row, criteria));
                    }
                    else
                    {
                        Log.BadCriteria(logger, row.Id, error ?? "unknown");
                    }
                }

                _current = parsed;
                _loadedAt = time.GetTimestamp();
                Log.CacheRefreshed(logger, parsed.Count);
            }
        }
        finally
        {
            _gate.Release();
        }

        return _current;
    }

    /// <summary>Forces a reload on the next <see cref="GetAsync"/>.</summary>
    public void Invalidate() => _loadedAt = null;

    public void Dispose() => _gate.Dispose();

    private bool IsFresh() =>
        _loadedAt is { } at && time.GetElapsedTime(at) < options.Value.SubscriptionRefreshInterval;
}

using CareStream.Domain;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// Decides when a held reading raises the "unassociated device" technical event: on a device's first unassociated
/// reading, then at most once per <paramref name="interval"/> while it stays unassociated, and at once again after it
/// was associated in between. Owned by one consumer loop (single thread); a device's readings reach one loop because
/// ingress is keyed by device, so a rebalance costs at most one extra event.
/// </summary>
internal sealed class UnassociatedDeviceTracker(TimeSpan interval)
{
    private const int PruneAbove = 10_000;

    private readonly Dictionary<DeviceId, DateTimeOffset> _raisedAt = [];

    public int Count => _raisedAt.Count;

    /// <summary>True when a held reading of <paramref name="device"/> received at <paramref name="now"/> raises the event.</summary>
    public bool ShouldRaise(DeviceId device, DateTimeOffset now)
    {
        if (_raisedAt.TryGetValue(device, out var last) && now - last < interval)
        {
            return false;
        }

        if (_raisedAt.Count >= PruneAbove)
        {
            foreach (var stale in _raisedAt.Where(e => now - e.Value >= interval).Select(e => e.Key).ToList())
            {
                _raisedAt.Remove(stale);
            }
        }

        _raisedAt[device] = now;
        return true;
    }

    /// <summary>The device's reading was attributed to a patient: its next unassociated reading raises the event again.</summary>
    public void Associated(DeviceId device)
    {
        if (_raisedAt.Count > 0)
        {
            _raisedAt.Remove(device);
        }
    }
}

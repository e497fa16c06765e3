using System.Collections.Concurrent;
using CareStream.Live.Hubs;
using Microsoft.Extensions.Options;

namespace CareStream.Live.Relay;

/// <summary>
/// The latest value per (bed, parameter) per ward, kept by the relay for join snapshots, and the pending updates
/// not yet pushed. Pending updates are coalesced per ward: a newer value for the same bed and parameter replaces
/// the older one, so one frame per ward per flush carries at most one value per tile (never mixing wards). A short
/// trend per (bed, parameter) feeds the join snapshot's sparklines. NEWS2 scores and unassociated-device markers
/// live on <see cref="News2"/> and <see cref="UnassociatedDevices"/>; a patient reading clears its bed's marker.
/// </summary>
public sealed class LiveWardState(IOptions<LiveOptions> options)
{
    private readonly ConcurrentDictionary<string, WardAlarmLog> _alarms = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Bed, string Kind), VitalSignUpdate>> _latest = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Bed, string Kind), VitalSignUpdate>> _pending = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<(string Bed, string Kind), TrendRing>> _trends = new();

    /// <summary>Each patient's current NEWS2 per bed.</summary>
    public News2Board News2 { get; } = new();

    /// <summary>Beds whose device sends without a patient.</summary>
    public UnassociatedDeviceBoard UnassociatedDevices { get; } = new(options.Value.UnassociatedMarkerTimeout);

    public void Record(string ward, VitalSignUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        UnassociatedDevices.OnPatientReading(ward, update.Bed);
        var key = (update.Bed, update.Kind);
        var latest = _latest.GetOrAdd(ward, static _ => new());
        // Readings may arrive out of order after a redelivery: never replace a newer value with an older one.
        latest.AddOrUpdate(key, update, (_, current) => current.EffectiveAt > update.EffectiveAt ? current : update);
        _pending.GetOrAdd(ward, static _ => new())
            .AddOrUpdate(key, update, (_, current) => current.EffectiveAt > update.EffectiveAt ? current : update);
        _trends.GetOrAdd(ward, static _ => new())
            .GetOrAdd(key, static (_, o) => new TrendRing(o.TrendWindow, o.TrendResolution), options.Value)
            .Add(update.Patient, update.EffectiveAt, update.Value);
    }

    public IReadOnlyList<VitalSignUpdate> Latest(string ward) =>
        _latest.TryGetValue(ward, out var latest) ? latest.Values.ToArray() : [];

    /// <summary>The ward's sequence-numbered alarm log (created on first use).</summary>
    public WardAlarmLog AlarmsOf(string ward) =>
        _alarms.GetOrAdd(ward, static (_, capacity) => new WardAlarmLog(capacity), options.Value.AlarmHistory);

    /// <summary>Everything a client needs to draw the ward from scratch.</summary>
    public WardSnapshot Snapshot(string ward, DateTimeOffset now)
    {
        var alarms = AlarmsOf(ward);
        var sequence = alarms.Sequence; // read first: a change arriving meanwhile is then resent, never lost
        return new WardSnapshot(
            ward, now, Latest(ward), alarms.Open(), sequence, Trends(ward, now), News2.Of(ward), UnassociatedDevices.Of(ward));
    }

    /// <summary>Each bed's recent trend per parameter, for the window ending at <paramref name="now"/>.</summary>
    public IReadOnlyList<TrendSeries> Trends(string ward, DateTimeOffset now)
    {
        if (!_trends.TryGetValue(ward, out var rings))
        {
            return [];
        }

        var series = new List<TrendSeries>(rings.Count);
        foreach (var ((bed, kind), ring) in rings)
        {
            if (ring.Series(bed, kind, now) is { } s)
            {
                series.Add(s);
            }
        }

        return series;
    }

    /// <summary>Takes what is pending, per ward, leaving nothing behind for the next flush.</summary>
    public IEnumerable<(string Ward, IReadOnlyList<VitalSignUpdate> Updates)> DrainPending()
    {
        foreach (var (ward, pending) in _pending)
        {
            var updates = new List<VitalSignUpdate>(pending.Count);
            foreach (var key in pending.Keys)
            {
                if (pending.TryRemove(key, out var update))
                {
                    updates.Add(update);
                }
            }

            if (updates.Count > 0)
            {
                yield return (ward, updates);
            }
        }
    }
}

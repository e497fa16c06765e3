using System.Collections.Concurrent;
using CareStream.Live.Hubs;

namespace CareStream.Live.Relay;

/// <summary>
/// The beds marked "device sending without a patient", per ward. Marked by an unassociated event; cleared when the
/// bed's patient readings arrive again or after <paramref name="timeout"/> without a new event. Changes wait in a
/// queue for the push worker (markers are technical and may be coalesced with the next frame).
/// </summary>
public sealed class UnassociatedDeviceBoard(TimeSpan timeout)
{
    private readonly ConcurrentDictionary<(string Ward, string Bed), UnassociatedDeviceMarker> _markers = new();
    private readonly ConcurrentQueue<(string Ward, UnassociatedDeviceMarker Marker)> _changes = new();

    /// <summary>An unassociated event from <paramref name="device"/> at the bed, received at <paramref name="now"/>.</summary>
    public void Mark(string ward, string bed, string device, DateTimeOffset now)
    {
        var marker = new UnassociatedDeviceMarker(bed, device, now, Active: true);
        var previous = default(UnassociatedDeviceMarker);
        _markers.AddOrUpdate((ward, bed), marker, (_, current) =>
        {
            previous = current;
            return marker;
        });
        if (previous is null || previous.Device != device)
        {
            _changes.Enqueue((ward, marker));
        }
    }

    /// <summary>A patient's reading at the bed: its marker (if any) clears. Cheap when the bed is not marked.</summary>
    public void OnPatientReading(string ward, string bed)
    {
        if (!_markers.IsEmpty && _markers.TryRemove((ward, bed), out var marker))
        {
            _changes.Enqueue((ward, marker with { Active = false }));
        }
    }

    /// <summary>Clears the markers with no event for the timeout; the cleared ones join the pending changes.</summary>
    public void Expire(DateTimeOffset now)
    {
        foreach (var (key, marker) in _markers)
        {
            if (now - marker.LastEventAt >= timeout
                && _markers.TryRemove(new KeyValuePair<(string, string), UnassociatedDeviceMarker>(key, marker)))
            {
                _changes.Enqueue((key.Ward, marker with { Active = false }));
            }
        }
    }

    /// <summary>The ward's active markers.</summary>
    public IReadOnlyList<UnassociatedDeviceMarker> Of(string ward) =>
        [.. _markers.Where(m => m.Key.Ward == ward).Select(m => m.Value)];

    /// <summary>Takes the appearances and clearances not pushed yet, oldest first.</summary>
    public IReadOnlyList<(string Ward, UnassociatedDeviceMarker Marker)> DrainChanges()
    {
        var changes = new List<(string, UnassociatedDeviceMarker)>();
        while (_changes.TryDequeue(out var change))
        {
            changes.Add(change);
        }

        return changes;
    }
}

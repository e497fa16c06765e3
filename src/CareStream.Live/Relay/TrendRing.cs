using CareStream.Live.Hubs;

namespace CareStream.Live.Relay;

/// <summary>
/// The recent points of one parameter of one bed: at most one point per <c>resolution</c> bucket (the latest reading
/// in the bucket wins, as the relay coalesces), bounded to the window, in a fixed ring (no allocation per reading).
/// A new patient in the bed clears it: a sparkline never joins two patients' data.
/// </summary>
public sealed class TrendRing
{
    private readonly Lock _gate = new();
    private readonly long _resolutionMs;
    private readonly long _windowMs;
    private readonly long[] _times;
    private readonly double[] _values;
    private int _first;
    private int _count;
    private string? _patient;

    public TrendRing(TimeSpan window, TimeSpan resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resolution, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, resolution);
        _resolutionMs = (long)resolution.TotalMilliseconds;
        _windowMs = (long)window.TotalMilliseconds;
        var capacity = (int)(_windowMs / _resolutionMs) + 1;
        _times = new long[capacity];
        _values = new double[capacity];
    }

    /// <summary>Adds a reading. One older than the newest bucket (a redelivery) is ignored: the ring only grows forward.</summary>
    public void Add(string patient, DateTimeOffset effectiveAt, double value)
    {
        ArgumentNullException.ThrowIfNull(patient);
        var at = effectiveAt.ToUnixTimeMilliseconds();
        lock (_gate)
        {
            if (_patient != patient)
            {
                _patient = patient;
                _count = 0;
                _first = 0;
            }

            if (_count > 0)
            {
                var last = Index(_count - 1);
                var lastBucket = Bucket(_times[last]);
                if (Bucket(at) < lastBucket || (Bucket(at) == lastBucket && at < _times[last]))
                {
                    return;
                }

                if (Bucket(at) == lastBucket)
                {
                    _times[last] = at;
                    _values[last] = value;
                    return;
                }
            }

            if (_count == _times.Length)
            {
                _first = (_first + 1) % _times.Length;
                _count--;
            }

            var slot = Index(_count);
            _times[slot] = at;
            _values[slot] = value;
            _count++;
        }
    }

    /// <summary>The points within the window ending at <paramref name="now"/>, or null when there are none.</summary>
    public TrendSeries? Series(string bed, string kind, DateTimeOffset now)
    {
        var oldest = now.ToUnixTimeMilliseconds() - _windowMs;
        lock (_gate)
        {
            var skip = 0;
            while (skip < _count && _times[Index(skip)] < oldest)
            {
                skip++;
            }

            if (skip == _count || _patient is null)
            {
                return null;
            }

            var start = _times[Index(skip)];
            var offsets = new long[_count - skip];
            var values = new double[_count - skip];
            for (var i = skip; i < _count; i++)
            {
                offsets[i - skip] = _times[Index(i)] - start;
                values[i - skip] = _values[Index(i)];
            }

            return new TrendSeries(bed, _patient, kind, DateTimeOffset.FromUnixTimeMilliseconds(start), offsets, values);
        }
    }

    private int Index(int position) => (_first + position) % _times.Length;

    private long Bucket(long at) => at / _resolutionMs; // effective times are after 1970: no negative buckets
}

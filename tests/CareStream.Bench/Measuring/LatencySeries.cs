namespace CareStream.Bench.Measuring;

/// <summary>Latency samples (ms) bucketed by the run second they were received in; thread-safe.</summary>
public sealed class LatencySeries
{
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, List<double>> _bySecond = [];

    public void Add(int second, double milliseconds)
    {
        lock (_gate)
        {
            if (!_bySecond.TryGetValue(second, out var list))
            {
                _bySecond[second] = list = [];
            }

            list.Add(milliseconds);
        }
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _bySecond.Values.Sum(l => (long)l.Count);
            }
        }
    }

    /// <summary>Percentiles over every sample received from <paramref name="fromSecond"/> on.</summary>
    public LatencySummary Summarize(int fromSecond)
    {
        double[] all;
        lock (_gate)
        {
            all = [.. _bySecond.Where(p => p.Key >= fromSecond).SelectMany(p => p.Value)];
        }

        return LatencySummary.Of(all);
    }

    /// <summary>p50 and p99 per second, for the plot.</summary>
    public IReadOnlyList<LatencyPoint> PerSecond()
    {
        lock (_gate)
        {
            return [.. _bySecond.Select(p =>
            {
                var sorted = p.Value.Order().ToArray();
                return new LatencyPoint(p.Key, LatencySummary.Percentile(sorted, 0.50), LatencySummary.Percentile(sorted, 0.99));
            })];
        }
    }
}

using CareStream.Bench.Load;

namespace CareStream.Bench.Measuring;

/// <summary>
/// Pairs each injected crossing with the first raised alarm of that patient whose condition started at the crossing
/// (±1 s): latency = receipt − publish time of the crossing reading.
/// </summary>
public static class AlarmMatcher
{
    public static LatencySummary Match(IReadOnlyCollection<AlarmInjection> injections, IReadOnlyCollection<AlarmSighting> sightings)
    {
        ArgumentNullException.ThrowIfNull(injections);
        ArgumentNullException.ThrowIfNull(sightings);
        var latencies = new List<double>();
        foreach (var injection in injections)
        {
            var first = sightings
                .Where(s => s.Patient == injection.Patient && (s.ConditionStartedAt - injection.PublishedAt).Duration() < TimeSpan.FromSeconds(1))
                .Select(s => (double?)(s.ReceivedAt - injection.PublishedAt).TotalMilliseconds)
                .Min();
            if (first is { } ms)
            {
                latencies.Add(ms);
            }
        }

        return LatencySummary.Of(latencies);
    }
}

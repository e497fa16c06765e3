using CareStream.Bench.Load;

namespace CareStream.Bench.Measuring;

/// <summary>One injected crossing: when it was published and its latency to each place (null: not seen there).</summary>
public sealed record AlarmSample(double PublishedSecond, int Bed, double? TopicMs, double? StoredMs, double? DashboardMs)
{
    public static IReadOnlyList<AlarmSample> Of(
        IReadOnlyList<AlarmInjection> injections, RunClock clock, IReadOnlyCollection<AlarmSighting> topic,
        IReadOnlyCollection<AlarmSighting> stored, IReadOnlyCollection<AlarmSighting> dashboard)
    {
        ArgumentNullException.ThrowIfNull(injections);
        ArgumentNullException.ThrowIfNull(clock);
        var (t, s, d) = (AlarmMatcher.Latencies(injections, topic), AlarmMatcher.Latencies(injections, stored), AlarmMatcher.Latencies(injections, dashboard));
        return [.. injections.Select((injection, i) => new AlarmSample(
            Math.Round((injection.PublishedAt - clock.Start).TotalSeconds, 3), injection.Bed, t[i], s[i], d[i]))];
    }
}

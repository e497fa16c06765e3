using CareStream.Bench.Load;

namespace CareStream.Bench.Measuring;

/// <summary>
/// Pairs each injected crossing with the first raised <see cref="AlarmInjection.Condition"/> alarm of that patient
/// whose condition started at the crossing (±1 s): latency = receipt − publish time of the crossing reading.
/// </summary>
public static class AlarmMatcher
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    /// <summary>Latency per injection, null where that crossing's alarm was not seen.</summary>
    public static double?[] Latencies(IReadOnlyList<AlarmInjection> injections, IReadOnlyCollection<AlarmSighting> sightings)
    {
        ArgumentNullException.ThrowIfNull(injections);
        ArgumentNullException.ThrowIfNull(sightings);
        var byPatient = sightings.Where(s => s.Condition == AlarmInjection.Condition).ToLookup(s => s.Patient, StringComparer.Ordinal);
        return [.. injections.Select(injection => byPatient[injection.Patient]
            .Where(s => Matches(injection, s))
            .Select(s => (double?)(s.ReceivedAt - injection.PublishedAt).TotalMilliseconds)
            .Min())];
    }

    public static LatencySummary Match(IReadOnlyList<AlarmInjection> injections, IReadOnlyCollection<AlarmSighting> sightings) =>
        LatencySummary.Of([.. Latencies(injections, sightings).OfType<double>()]);

    /// <summary>
    /// Distinct raised <see cref="AlarmInjection.Condition"/> alarms (patient + condition start) that match no
    /// injection: each crossing must raise exactly one alarm, so this should be 0.
    /// </summary>
    public static int Unexpected(IReadOnlyList<AlarmInjection> injections, IReadOnlyCollection<AlarmSighting> sightings)
    {
        ArgumentNullException.ThrowIfNull(injections);
        ArgumentNullException.ThrowIfNull(sightings);
        return sightings
            .Where(s => s.Condition == AlarmInjection.Condition && !injections.Any(i => i.Patient == s.Patient && Matches(i, s)))
            .Select(s => (s.Patient, s.ConditionStartedAt))
            .Distinct()
            .Count();
    }

    private static bool Matches(AlarmInjection injection, AlarmSighting sighting) =>
        sighting.Patient == injection.Patient && (sighting.ConditionStartedAt - injection.PublishedAt).Duration() < Tolerance;
}

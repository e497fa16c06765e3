using CareStream.Domain.Vitals;

namespace CareStream.Rules.Alerts;

/// <summary>The trailing run of readings (ending at the latest) that all satisfy a predicate.</summary>
internal static class TrailingRun
{
    /// <summary>Index of the first reading of the trailing run, or -1 when the latest reading fails the predicate.</summary>
    public static int StartIndex(IReadOnlyList<VitalSignReading> readings, Func<double, bool> holds)
    {
        var start = -1;
        for (var i = readings.Count - 1; i >= 0 && holds(readings[i].Value); i--)
        {
            start = i;
        }

        return start;
    }

    /// <summary>Observation ids of the run, latest last, at most <paramref name="max"/>.</summary>
    public static string[] Evidence(IReadOnlyList<VitalSignReading> readings, int start, int max = 10) =>
        [.. readings.Skip(Math.Max(start, readings.Count - max)).Select(r => r.ObservationId).Distinct()];
}

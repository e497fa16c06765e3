using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;

namespace CareStream.Rules.UnitTests;

/// <summary>Synthetic readings for one synthetic patient.</summary>
internal static class TestVitals
{
    public static readonly PatientId Patient = new("patient-test-1");
    public static readonly DeviceId BedsideMonitor = new("monitor-test-1");
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static VitalSignReading Reading(VitalSignKind kind, double value, DateTimeOffset at, string? id = null) =>
        new(id ?? $"obs-{kind}-{at.UtcTicks}", Patient, BedsideMonitor, kind, 0, value, at, ObservationStatus.Preliminary);

    /// <summary>One reading per <paramref name="interval"/> starting at <paramref name="start"/>.</summary>
    public static List<VitalSignReading> Series(VitalSignKind kind, DateTimeOffset start, TimeSpan interval, params double[] values) =>
        [.. values.Select((v, i) => Reading(kind, v, start + (interval * i)))];

    public static List<VitalSignReading> Constant(VitalSignKind kind, double value, DateTimeOffset start, TimeSpan interval, int count) =>
        Series(kind, start, interval, [.. Enumerable.Repeat(value, count)]);

    public static PatientVitalsWindow Window(IEnumerable<VitalSignReading> readings, DateTimeOffset? now = null, params string[] activeRuleIds)
    {
        var list = readings.ToList();
        return new PatientVitalsWindow(Patient, now ?? (list.Count == 0 ? T0 : list.Max(r => r.EffectiveAt)), list)
        {
            ActiveRuleIds = activeRuleIds.ToHashSet(StringComparer.Ordinal),
        };
    }

    public static TimeSpan Seconds(double s) => TimeSpan.FromSeconds(s);
}

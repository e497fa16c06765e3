using System.Globalization;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// Trend alarm: the least-squares slope of one parameter over the last <c>over</c> span of data rises (or falls)
/// faster than a threshold per minute, e.g. a heart-rate rise of more than 5 /min per minute over 10 minutes.
/// Needs data reaching back at least the whole span (a baseline reading at or before latest − span), so a short
/// burst cannot trigger it. Source: local clinical-governance threshold (no standard defines one); CareStream v1.
/// A least-squares fit rather than two points keeps a single artefact from triggering it.
/// </summary>
public sealed class RateOfChangeRule : IAlertRule
{
    private readonly VitalSignKind _kind;
    private readonly double _perMinute;
    private readonly TimeSpan _over;
    private readonly bool _falling;
    private readonly AlarmPriority _priority;
    private readonly bool _latching;

    public RateOfChangeRule(
        string id, int version, VitalSignKind kind, double perMinute, TimeSpan over, bool falling,
        AlarmPriority priority, bool latching)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perMinute);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(over, TimeSpan.Zero);
        (Id, Version, _kind, _perMinute, _over, _falling, _priority, _latching) =
            (id, version, kind, perMinute, over, falling, priority, latching);
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var readings = window.ReadingsOf(_kind);
        if (readings.Count < 2)
        {
            return null;
        }

        var latest = readings[^1];
        var from = latest.EffectiveAt - _over;
        var baseline = -1;
        for (var i = readings.Count - 1; i >= 0 && baseline < 0; i--)
        {
            baseline = readings[i].EffectiveAt <= from ? i : -1;
        }

        if (baseline < 0)
        {
            return null;
        }

        var slope = SlopePerMinute(readings, baseline);
        var exceeded = _falling ? -slope > _perMinute : slope > _perMinute;
        if (!exceeded)
        {
            return null;
        }

        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{_kind} {(_falling ? "fell" : "rose")} {Math.Abs(slope):0.##}/min over {_over.TotalMinutes:0.#} min (limit {_perMinute}/min)");
        return new AlertDecision(
            Id, Version, AlarmCategory.Physiological, _priority, $"{_kind}{(_falling ? "Falling" : "Rising")}",
            detail, latest.EffectiveAt, latest.EffectiveAt, TrailingRun.Evidence(readings, baseline), _latching);
    }

    private static double SlopePerMinute(IReadOnlyList<VitalSignReading> readings, int start)
    {
        var origin = readings[start].EffectiveAt;
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = start; i < readings.Count; i++)
        {
            var x = (readings[i].EffectiveAt - origin).TotalMinutes;
            var y = readings[i].Value;
            (n, sx, sy, sxx, sxy) = (n + 1, sx + x, sy + y, sxx + (x * x), sxy + (x * y));
        }

        var denominator = (n * sxx) - (sx * sx);
        return denominator == 0 ? 0 : ((n * sxy) - (sx * sy)) / denominator;
    }
}

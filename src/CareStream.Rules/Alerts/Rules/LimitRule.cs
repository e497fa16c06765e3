using System.Globalization;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// Physiological limit alarm for one parameter, after IEC 60601-1-8 (2006 + A1:2012 + A2:2020) §6.2 alarm limits
/// and alarm-condition delay. Each band raises when the trailing run of readings beyond its limit spans at least
/// its delay (delay 0 = the first reading). The most urgent satisfied band wins. Once active, the condition holds
/// until a reading is back inside the innermost limit by the hysteresis (so oscillation near a limit cannot storm).
/// Limits are ward defaults or per-patient overrides from the rule set (clinical governance owns the values).
/// </summary>
public sealed class LimitRule : IAlertRule
{
    private readonly VitalSignKind _kind;
    private readonly ParameterLimits _limits;

    public LimitRule(string id, int version, VitalSignKind kind, ParameterLimits limits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(limits);
        Id = id;
        Version = version;
        _kind = kind;
        _limits = limits;
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var readings = window.ReadingsOf(_kind);
        if (readings.Count == 0)
        {
            return null;
        }

        // Most urgent first: critical bands before warning bands.
        (LimitBand? Band, bool Low)[] bands =
            [(_limits.CriticalLow, true), (_limits.CriticalHigh, false), (_limits.WarningLow, true), (_limits.WarningHigh, false)];
        AlertDecision? best = null;
        foreach (var (band, low) in bands)
        {
            if (band is null)
            {
                continue;
            }

            var start = TrailingRun.StartIndex(readings, v => low ? v < band.Limit : v > band.Limit);
            if (start < 0 || (readings[^1].EffectiveAt - readings[start].EffectiveAt).TotalSeconds < band.DelaySeconds)
            {
                continue;
            }

            if (best is null || band.Priority > best.Priority)
            {
                best = Decide(readings, start, band, low, "beyond");
            }
        }

        return best ?? (window.ActiveRuleIds.Contains(Id) ? Hold(readings) : null);
    }

    private AlertDecision? Hold(IReadOnlyList<VitalSignReading> readings)
    {
        var h = _limits.Hysteresis;
        if ((_limits.WarningLow ?? _limits.CriticalLow) is { } lowBand)
        {
            var start = TrailingRun.StartIndex(readings, v => v < lowBand.Limit + h);
            if (start >= 0)
            {
                return Decide(readings, start, lowBand, low: true, "within hysteresis of");
            }
        }

        if ((_limits.WarningHigh ?? _limits.CriticalHigh) is { } highBand)
        {
            var start = TrailingRun.StartIndex(readings, v => v > highBand.Limit - h);
            if (start >= 0)
            {
                return Decide(readings, start, highBand, low: false, "within hysteresis of");
            }
        }

        return null;
    }

    private AlertDecision Decide(IReadOnlyList<VitalSignReading> readings, int start, LimitBand band, bool low, string relation)
    {
        var latest = readings[^1];
        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"{_kind} {latest.Value} {relation} {(low ? "low" : "high")} limit {band.Limit}");
        return new AlertDecision(
            Id, Version, AlarmCategory.Physiological, band.Priority, $"{_kind}{(low ? "Low" : "High")}", detail,
            readings[start].EffectiveAt, latest.EffectiveAt, TrailingRun.Evidence(readings, start), _limits.Latching);
    }
}

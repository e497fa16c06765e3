using System.Globalization;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// Technical alarm "no data" (IEC 60601-1-8 technical alarm condition): a parameter that was being measured has
/// had no valid reading for more than k × its expected interval at <c>now</c>. A parameter never seen for this
/// patient is not monitored and raises nothing. The condition start is last reading + k × interval, from the data,
/// so replay yields the same episode. CareStream v1; k and the interval are rule-set data.
/// </summary>
public sealed class StaleDataRule : IAlertRule
{
    private readonly VitalSignKind _kind;
    private readonly TimeSpan _threshold;
    private readonly AlarmPriority _priority;

    public StaleDataRule(string id, int version, VitalSignKind kind, TimeSpan expectedInterval, double multiplier, AlarmPriority priority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(expectedInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(multiplier, 1);
        (Id, Version, _kind, _threshold, _priority) = (id, version, kind, expectedInterval * multiplier, priority);
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (!window.LastSeen.TryGetValue(_kind, out var last) || window.Now - last <= _threshold)
        {
            return null;
        }

        var detail = string.Create(
            CultureInfo.InvariantCulture, $"No {_kind} data for {(window.Now - last).TotalSeconds:0} s");
        return new AlertDecision(
            Id, Version, AlarmCategory.Technical, _priority, $"{_kind}NoData", detail, last + _threshold,
            window.Now, [], Latching: false);
    }
}

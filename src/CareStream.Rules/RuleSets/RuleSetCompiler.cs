using CareStream.Rules.Alerts;
using CareStream.Rules.Alerts.Rules;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// Builds the rules of a validated rule set. Rule ids are stable across versions (<c>limit.heartRate</c>,
/// <c>news2</c>, <c>technical.noData.oxygenSaturation</c>, <c>roc.&lt;id&gt;</c>, …) so an open episode survives a reload.
/// </summary>
public static class RuleSetCompiler
{
    public static IReadOnlyList<IAlertRule> Compile(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = RuleSetValidator.Validate(ruleSet);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid rule set: {string.Join("; ", errors)}", nameof(ruleSet));
        }

        var v = ruleSet.Version;
        var rules = new List<IAlertRule>();
        foreach (var (name, limits) in ruleSet.EffectiveLimits.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var kind = ParameterNames.Parse(name);
            rules.Add(new LimitRule($"limit.{name}", v, kind, limits));
        }

        foreach (var roc in ruleSet.RateOfChange ?? [])
        {
            var kind = ParameterNames.Parse(roc.Parameter);
            rules.Add(new RateOfChangeRule(
                $"roc.{roc.Id}", v, kind, roc.PerMinute, TimeSpan.FromMinutes(roc.OverMinutes), roc.Falling,
                roc.Priority, roc.Latching));
        }

        if (ruleSet.EffectiveNews2.Enabled)
        {
            rules.Add(new News2Rule("news2", v, ruleSet.EffectiveNews2));
        }

        var technical = ruleSet.EffectiveTechnical;
        foreach (var (name, stale) in (technical.StaleData ?? new Dictionary<string, StaleDataConfig>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var kind = ParameterNames.Parse(name);
            rules.Add(new StaleDataRule(
                $"technical.noData.{name}", v, kind, TimeSpan.FromSeconds(stale.ExpectedIntervalSeconds), stale.Multiplier,
                technical.StaleDataPriority));
        }

        if (technical.SensorOffPriority is { } sensorOff)
        {
            rules.Add(new DeviceSignalRule("technical.sensorOff", v, DeviceSignalCondition.SensorOff, sensorOff));
        }

        if (technical.InvalidSignalPriority is { } invalid)
        {
            rules.Add(new DeviceSignalRule("technical.invalidSignal", v, DeviceSignalCondition.InvalidSignal, invalid));
        }

        if (technical.UnassociatedDevicePriority is { } unassociated)
        {
            rules.Add(new UnassociatedDeviceRule("technical.unassociatedDevice", v, unassociated));
        }

        return rules;
    }
}

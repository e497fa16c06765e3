using System.Globalization;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// Validates a rule set and returns every problem as a message naming the JSON field, e.g.
/// <c>limits.heartRate.criticalHigh must be greater than warningHigh</c>. Empty list = valid.
/// </summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<string> Validate(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var errors = new List<string>();
        void Check(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Check(!string.IsNullOrWhiteSpace(ruleSet.Id), "id is required");
        Check(ruleSet.Version >= 1, "version must be at least 1");
        Check(!string.IsNullOrWhiteSpace(ruleSet.Ward), "ward is required");
        foreach (var (name, limits) in ruleSet.EffectiveLimits)
        {
            ValidateLimits($"limits.{name}", name, limits, errors);
        }

        var roc = ruleSet.RateOfChange ?? [];
        for (var i = 0; i < roc.Count; i++)
        {
            var path = $"rateOfChange[{i}]";
            var rule = roc[i];
            Check(rule is not null, $"{path} must not be null");
            if (rule is null)
            {
                continue;
            }

            Check(!string.IsNullOrWhiteSpace(rule.Id), $"{path}.id is required");
            Check(roc.Count(r => r?.Id == rule.Id) == 1, $"{path}.id '{rule.Id}' is not unique");
            Check(ParameterNames.TryParse(rule.Parameter ?? "", out _), $"{path}.parameter '{rule.Parameter}' is not a known parameter");
            Check(rule.PerMinute > 0, $"{path}.perMinute must be greater than 0");
            Check(rule.OverMinutes > 0, $"{path}.overMinutes must be greater than 0");
        }

        var news2 = ruleSet.EffectiveNews2;
        Check(news2.FreshnessMinutes > 0, "news2.freshnessMinutes must be greater than 0");
        Check(news2.ClearDelaySeconds is >= 0 and <= 3600, "news2.clearDelaySeconds must be between 0 and 3600");
        foreach (var (name, stale) in ruleSet.EffectiveTechnical.StaleData ?? new Dictionary<string, StaleDataConfig>())
        {
            Check(ParameterNames.TryParse(name, out _), $"technical.staleData.{name} is not a known parameter");
            Check(stale.ExpectedIntervalSeconds > 0, $"technical.staleData.{name}.expectedIntervalSeconds must be greater than 0");
            Check(stale.Multiplier >= 1, $"technical.staleData.{name}.multiplier must be at least 1");
        }

        var escalation = ruleSet.EffectiveEscalation;
        Check(escalation.HighAfterSeconds > 0, "escalation.highAfterSeconds must be greater than 0");
        Check(escalation.MediumAfterSeconds > 0, "escalation.mediumAfterSeconds must be greater than 0");
        Check(escalation.MaxLevel >= 1, "escalation.maxLevel must be at least 1");
        Check(escalation.AudioPauseSeconds > 0, "escalation.audioPauseSeconds must be greater than 0");
        return errors;
    }

    private static void ValidateLimits(string path, string name, ParameterLimits limits, List<string> errors)
    {
        if (!ParameterNames.TryParse(name, out _))
        {
            errors.Add($"{path} is not a known parameter (known: {string.Join(", ", ParameterNames.All)})");
        }

        if (limits is null)
        {
            errors.Add($"{path} must not be null");
            return;
        }

        (string Field, LimitBand? Band)[] ordered =
            [("criticalLow", limits.CriticalLow), ("warningLow", limits.WarningLow),
             ("warningHigh", limits.WarningHigh), ("criticalHigh", limits.CriticalHigh)];
        var present = ordered.Where(b => b.Band is not null).ToList();
        if (present.Count == 0)
        {
            errors.Add($"{path} must define at least one of criticalLow, warningLow, warningHigh, criticalHigh");
        }

        for (var i = 1; i < present.Count; i++)
        {
            if (present[i].Band!.Limit <= present[i - 1].Band!.Limit)
            {
                errors.Add($"{path}.{present[i].Field} must be greater than {present[i - 1].Field}");
            }
        }

        foreach (var (field, band) in present)
        {
            if (!double.IsFinite(band!.Limit))
            {
                errors.Add($"{path}.{field}.limit must be a finite number");
            }

            if (band.DelaySeconds < 0)
            {
                errors.Add($"{path}.{field}.delaySeconds must not be negative");
            }

            if (!Enum.IsDefined(band.Priority))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.{field}.priority must be high, medium or low"));
            }
        }

        if (limits.Hysteresis < 0)
        {
            errors.Add($"{path}.hysteresis must not be negative");
        }
        else if (limits.WarningLow is { } low && limits.WarningHigh is { } high && limits.Hysteresis >= high.Limit - low.Limit)
        {
            errors.Add($"{path}.hysteresis must be smaller than warningHigh - warningLow");
        }
    }
}

using System.Globalization;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.Alerts.Rules;

/// <summary>
/// NEWS2 trigger alarm: Royal College of Physicians, National Early Warning Score 2 (December 2017), Charts 1, 3
/// and 4, scored by <see cref="News2Calculator"/>. Response levels map to IEC 60601-1-8 priorities through
/// <see cref="News2RuleConfig"/> (default ≥7 High, 5–6 Medium, single 3 Low; ADR 2611). An incomplete score
/// raises only when its known part already reaches a trigger, and says which parameters are missing.
/// </summary>
public sealed class News2Rule : IAlertRule
{
    private readonly News2RuleConfig _config;

    public News2Rule(string id, int version, News2RuleConfig config)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(config);
        (Id, Version, _config) = (id, version, config);
    }

    public string Id { get; }

    public int Version { get; }

    public AlertDecision? Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var decision = Score(window);
        if (decision is not null || _config.ClearDelaySeconds <= 0 || !window.ActiveRuleIds.Contains(Id))
        {
            return decision;
        }

        // Clear delay: the active alarm holds while any reading instant within the span still reached a trigger.
        var instants = News2Kinds
            .SelectMany(window.ReadingsOf)
            .Select(r => r.EffectiveAt)
            .Distinct()
            .OrderDescending()
            .ToList();
        if (instants.Count == 0)
        {
            return null;
        }

        var clearFrom = instants[0].AddSeconds(-_config.ClearDelaySeconds);
        return instants.Skip(1).TakeWhile(t => t > clearFrom).Select(t => Score(window.AsOf(t))).FirstOrDefault(d => d is not null);
    }

    private static readonly VitalSignKind[] News2Kinds =
    [
        VitalSignKind.RespiratoryRate, VitalSignKind.OxygenSaturation, VitalSignKind.SystolicBloodPressure,
        VitalSignKind.PulseRate, VitalSignKind.HeartRate, VitalSignKind.BodyTemperature,
    ];

    private AlertDecision? Score(PatientVitalsWindow window)
    {
        var (inputs, used) = News2InputSelector.Select(window, TimeSpan.FromMinutes(_config.FreshnessMinutes));
        if (used.Count == 0)
        {
            return null;
        }

        var result = News2Calculator.Calculate(inputs);
        var priority = result.ResponseLevel switch
        {
            News2ResponseLevel.High => _config.HighPriority,
            News2ResponseLevel.Medium => _config.MediumPriority,
            News2ResponseLevel.LowMedium => _config.SingleParameterPriority,
            _ => null,
        };
        if (priority is not { } p || (!result.IsComplete && !_config.RaiseWhenIncomplete))
        {
            return null;
        }

        var detail = string.Create(
            CultureInfo.InvariantCulture,
            $"NEWS2 {result.Aggregate} ({result.ResponseLevel}, {result.SpO2Scale})");
        if (!result.IsComplete)
        {
            detail += $"; incomplete, missing {string.Join(", ", result.Missing)}";
        }

        if (result.PopulationNotValidated)
        {
            detail += "; NEWS2 not validated for this patient group";
        }

        var at = used.Max(r => r.EffectiveAt);
        return new AlertDecision(
            Id, Version, AlarmCategory.Physiological, p, $"News2{result.ResponseLevel}", detail, at, at,
            [.. used.Select(r => r.ObservationId).Distinct()], _config.Latching);
    }
}

using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// Shipped adult general-ward defaults. THESE ARE DEFAULTS TO BE REVIEWED BY LOCAL CLINICAL GOVERNANCE before
/// clinical use; they are plausible starting points (critical bands near NEWS2 score-3 edges, RCP 2017), not a
/// standard. Low limits alarm below the limit, high limits above it. Priorities follow IEC 60601-1-8 Table 1
/// reasoning: critical = High (death/irreversible injury, prompt onset), warning = Medium; temperature Low/Medium
/// (delayed onset).
/// </summary>
public static class DefaultRuleSet
{
    public static RuleSet Create(string ward, string id = "adult-general-default", int version = 1) => new(
        id,
        version,
        ward,
        new Dictionary<string, ParameterLimits>(StringComparer.Ordinal)
        {
            ["heartRate"] = new(Band(40, AlarmPriority.High), Band(50, AlarmPriority.Medium, 10), Band(120, AlarmPriority.Medium, 10), Band(140, AlarmPriority.High, 5), Hysteresis: 5),
            ["oxygenSaturation"] = new(Band(85, AlarmPriority.High, 10), Band(90, AlarmPriority.Medium, 15), Hysteresis: 2),
            ["respiratoryRate"] = new(Band(8, AlarmPriority.High, 10), Band(10, AlarmPriority.Medium, 30), Band(25, AlarmPriority.Medium, 30), Band(30, AlarmPriority.High, 10), Hysteresis: 2),
            ["systolicBloodPressure"] = new(Band(80, AlarmPriority.High), Band(90, AlarmPriority.Medium), Band(180, AlarmPriority.Medium), Band(220, AlarmPriority.High), Hysteresis: 5),
            ["bodyTemperature"] = new(Band(35.0, AlarmPriority.Medium), Band(36.0, AlarmPriority.Low), Band(38.0, AlarmPriority.Low), Band(39.0, AlarmPriority.Medium), Hysteresis: 0.2),
        },
        [new RateOfChangeConfig("heartRateRise", "heartRate", PerMinute: 5, OverMinutes: 10, Priority: AlarmPriority.Medium)],
        new News2RuleConfig(),
        new TechnicalConfig(new Dictionary<string, StaleDataConfig>(StringComparer.Ordinal)
        {
            ["heartRate"] = new(ExpectedIntervalSeconds: 5, Multiplier: 3),
            ["oxygenSaturation"] = new(ExpectedIntervalSeconds: 5, Multiplier: 3),
            ["respiratoryRate"] = new(ExpectedIntervalSeconds: 5, Multiplier: 3),
        }),
        new EscalationConfig());

    private static LimitBand Band(double limit, AlarmPriority priority, double delaySeconds = 0) =>
        new(limit, priority, delaySeconds);
}

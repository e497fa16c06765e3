using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>A rate-of-change rule: the parameter's trend over <paramref name="OverMinutes"/> exceeds a rate.</summary>
/// <param name="Id">Rule id, unique in the rule set.</param>
/// <param name="Parameter">Parameter name as in <c>limits</c>, e.g. <c>heartRate</c>.</param>
/// <param name="PerMinute">Threshold in units per minute (positive).</param>
/// <param name="OverMinutes">Span of data the trend is fitted over (positive).</param>
/// <param name="Falling">False: alarm on a rise faster than the threshold; true: on a fall.</param>
/// <param name="Priority">IEC 60601-1-8 priority.</param>
/// <param name="Latching">Whether it latches.</param>
public sealed record RateOfChangeConfig(
    string Id,
    string Parameter,
    double PerMinute,
    double OverMinutes,
    bool Falling = false,
    AlarmPriority Priority = AlarmPriority.Medium,
    bool Latching = false);

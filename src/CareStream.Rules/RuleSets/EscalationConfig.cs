using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// Escalation to the next tier when a High or Medium alarm is not acknowledged in time (Low alarms never escalate).
/// Each further tier waits the same time again, up to <paramref name="MaxLevel"/>.
/// </summary>
/// <param name="HighAfterSeconds">Time a High alarm may stay unacknowledged.</param>
/// <param name="MediumAfterSeconds">Time a Medium alarm may stay unacknowledged.</param>
/// <param name="MaxLevel">Number of escalation tiers (at least 1).</param>
/// <param name="AudioPauseSeconds">Length of a dashboard audio pause (IEC AUDIO PAUSED is time-limited).</param>
public sealed record EscalationConfig(
    double HighAfterSeconds = 60,
    double MediumAfterSeconds = 180,
    int MaxLevel = 2,
    double AudioPauseSeconds = 120)
{
    /// <summary>The timeout for a priority, or null when that priority does not escalate.</summary>
    public TimeSpan? TimeoutFor(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => TimeSpan.FromSeconds(HighAfterSeconds),
        AlarmPriority.Medium => TimeSpan.FromSeconds(MediumAfterSeconds),
        _ => null,
    };
}

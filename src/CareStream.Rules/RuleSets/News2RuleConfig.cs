using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// NEWS2 alarm settings. The RCP defines response levels, IEC 60601-1-8 does not assign priorities to them, so
/// the mapping is a documented, configurable clinical-governance default (ADR 2611): ≥7 → High, 5–6 → Medium,
/// single parameter 3 → Low, 0–4 → no alarm. A null priority means "no alarm" for that level.
/// </summary>
/// <param name="Enabled">Whether the NEWS2 rule runs.</param>
/// <param name="FreshnessMinutes">A device value older than this is not used (the parameter counts as missing).</param>
/// <param name="HighPriority">Priority for aggregate ≥ 7.</param>
/// <param name="MediumPriority">Priority for aggregate 5–6.</param>
/// <param name="SingleParameterPriority">Priority for a single parameter scoring 3 (low-medium).</param>
/// <param name="RaiseWhenIncomplete">
/// Raise on an incomplete score when its known part already reaches a trigger (missing parameters can only add).
/// </param>
/// <param name="Latching">Whether NEWS2 alarms latch.</param>
/// <param name="ClearDelaySeconds">
/// An active NEWS2 alarm clears only after no reading instant in this span of data reached its trigger. At 1 Hz a
/// value sitting on a band edge (SpO2 91/92) otherwise raises and resolves the alarm every second (alarm fatigue).
/// 0 resolves at the first non-triggering score.
/// </param>
public sealed record News2RuleConfig(
    bool Enabled = true,
    double FreshnessMinutes = 60,
    AlarmPriority? HighPriority = AlarmPriority.High,
    AlarmPriority? MediumPriority = AlarmPriority.Medium,
    AlarmPriority? SingleParameterPriority = AlarmPriority.Low,
    bool RaiseWhenIncomplete = true,
    bool Latching = false,
    double ClearDelaySeconds = 30);

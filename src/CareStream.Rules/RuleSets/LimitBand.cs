using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>One alarm limit (IEC 60601-1-8 alarm limit) with its priority and alarm-condition delay.</summary>
/// <param name="Limit">A low band alarms below it (value &lt; limit); a high band alarms above it (value &gt; limit).</param>
/// <param name="Priority">IEC 60601-1-8 priority of the condition.</param>
/// <param name="DelaySeconds">Alarm-condition delay: the condition must hold over this span of data. 0 = first reading.</param>
public sealed record LimitBand(double Limit, AlarmPriority Priority, double DelaySeconds = 0);

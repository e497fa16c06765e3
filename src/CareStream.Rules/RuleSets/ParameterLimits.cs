namespace CareStream.Rules.RuleSets;

/// <summary>
/// Warning and critical limits of one parameter. Any band may be absent, but present ones must be ordered
/// criticalLow &lt; warningLow &lt; warningHigh &lt; criticalHigh.
/// </summary>
/// <param name="CriticalLow">Outer low limit.</param>
/// <param name="WarningLow">Inner low limit.</param>
/// <param name="WarningHigh">Inner high limit.</param>
/// <param name="CriticalHigh">Outer high limit.</param>
/// <param name="Hysteresis">An active alarm clears only once the value is back inside the limit by this many units.</param>
/// <param name="Latching">Latching alarms stay until acknowledged after the condition cleared.</param>
public sealed record ParameterLimits(
    LimitBand? CriticalLow = null,
    LimitBand? WarningLow = null,
    LimitBand? WarningHigh = null,
    LimitBand? CriticalHigh = null,
    double Hysteresis = 0,
    bool Latching = false);

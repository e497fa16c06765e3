namespace CareStream.Rules.RuleSets;

/// <summary>A clinician's per-patient change to one parameter's limits; null fields inherit the ward value.</summary>
public sealed record ParameterLimitsOverride(
    LimitBand? CriticalLow = null,
    LimitBand? WarningLow = null,
    LimitBand? WarningHigh = null,
    LimitBand? CriticalHigh = null,
    double? Hysteresis = null,
    bool? Latching = null);

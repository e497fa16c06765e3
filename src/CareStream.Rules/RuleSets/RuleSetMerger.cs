namespace CareStream.Rules.RuleSets;

/// <summary>
/// Applies per-patient limit overrides (IEC 60601-1-8 "user alarm preset") on top of the ward defaults.
/// Per parameter, each band, the hysteresis and latching given in the override replace the ward value;
/// what the override leaves null is inherited. Validate the result before use.
/// </summary>
public static class RuleSetMerger
{
    public static RuleSet WithPatientOverrides(RuleSet ward, IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = new Dictionary<string, ParameterLimits>(ward.EffectiveLimits, StringComparer.Ordinal);
        foreach (var (name, patient) in overrides)
        {
            merged[name] = Merge(merged.GetValueOrDefault(name) ?? new ParameterLimits(), patient);
        }

        return ward with { Limits = merged };
    }

    public static ParameterLimits Merge(ParameterLimits ward, ParameterLimitsOverride patient)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(patient);
        return new ParameterLimits(
            patient.CriticalLow ?? ward.CriticalLow,
            patient.WarningLow ?? ward.WarningLow,
            patient.WarningHigh ?? ward.WarningHigh,
            patient.CriticalHigh ?? ward.CriticalHigh,
            patient.Hysteresis ?? ward.Hysteresis,
            patient.Latching ?? ward.Latching);
    }
}

using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Limits;

/// <summary>
/// A patient's effective rule set: the ward's set with the clinician's per-parameter overrides merged in
/// (<see cref="RuleSetMerger"/>) and validated with the rule-set file rules (<see cref="RuleSetValidator"/>). Pure.
/// </summary>
public static class PatientLimits
{
    /// <summary>No overrides: the ward defaults apply.</summary>
    public static IReadOnlyDictionary<string, ParameterLimitsOverride> None { get; } =
        new Dictionary<string, ParameterLimitsOverride>(StringComparer.Ordinal);

    /// <summary>
    /// The merged set and its validation errors (each naming the field, e.g. <c>limits.heartRate.warningHigh must be
    /// greater than warningLow</c>). With errors, use the ward set: an inconsistent override never takes effect.
    /// </summary>
    public static (RuleSet Merged, IReadOnlyList<string> Errors) Merge(RuleSet ward, IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(ward);
        ArgumentNullException.ThrowIfNull(overrides);
        var merged = RuleSetMerger.WithPatientOverrides(ward, overrides);
        return (merged, RuleSetValidator.Validate(merged));
    }

    /// <summary>The JSON field a validator message names (<c>limits.heartRate.warningHigh</c>), for ProblemDetails' <c>errors</c>.</summary>
    public static string FieldOf(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var space = error.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 ? error[..space] : "limits";
    }
}

using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Limits;

/// <summary>
/// <c>GET /api/patients/{patientId}/limits</c>: the ward rule set, the patient's overrides (from the audit) and the
/// effective limits. <c>Errors</c> non-empty = the overrides no longer fit the ward set and the ward limits apply.
/// </summary>
public sealed record PatientLimitsView(
    string Patient,
    string Ward,
    string RuleSetId,
    int RuleSetVersion,
    IReadOnlyDictionary<string, ParameterLimitsOverride> Overrides,
    IReadOnlyDictionary<string, ParameterLimits> Effective,
    IReadOnlyList<string> Errors,
    string? ChangedBy,
    DateTimeOffset? ChangedAt);

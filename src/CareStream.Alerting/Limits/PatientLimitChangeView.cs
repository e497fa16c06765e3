using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Limits;

/// <summary>One entry of <c>GET /api/patients/{patientId}/limits/history</c> (newest first).</summary>
public sealed record PatientLimitChangeView(
    string CommandId,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    IReadOnlyDictionary<string, ParameterLimitsOverride> Previous,
    IReadOnlyDictionary<string, ParameterLimitsOverride> New);

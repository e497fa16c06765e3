using System.Text.Json.Serialization;

namespace CareStream.Rules.RuleSets;

/// <summary>
/// A ward's versioned alarm configuration, loaded from JSON by <see cref="RuleSetLoader"/> and turned into rules
/// by <see cref="RuleSetCompiler"/>. Parameter names are the camelCase <c>VitalSignKind</c> names
/// (<c>heartRate</c>, <c>oxygenSaturation</c>, …). Per-patient overrides merge in with <see cref="RuleSetMerger"/>.
/// </summary>
/// <param name="Id">Rule-set id.</param>
/// <param name="Version">Version (at least 1); becomes the version of every rule built from it.</param>
/// <param name="Ward">Ward id the set applies to.</param>
/// <param name="Limits">Limits per parameter name.</param>
/// <param name="RateOfChange">Trend rules.</param>
/// <param name="News2">NEWS2 settings; null = defaults.</param>
/// <param name="Technical">Technical alarm settings; null = defaults.</param>
/// <param name="Escalation">Escalation and audio pause; null = defaults.</param>
public sealed record RuleSet(
    string Id,
    int Version,
    string Ward,
    IReadOnlyDictionary<string, ParameterLimits>? Limits = null,
    IReadOnlyList<RateOfChangeConfig>? RateOfChange = null,
    News2RuleConfig? News2 = null,
    TechnicalConfig? Technical = null,
    EscalationConfig? Escalation = null)
{
    [JsonIgnore]
    public IReadOnlyDictionary<string, ParameterLimits> EffectiveLimits => Limits ?? new Dictionary<string, ParameterLimits>();

    [JsonIgnore]
    public News2RuleConfig EffectiveNews2 => News2 ?? new News2RuleConfig();

    [JsonIgnore]
    public TechnicalConfig EffectiveTechnical => Technical ?? new TechnicalConfig();

    [JsonIgnore]
    public EscalationConfig EffectiveEscalation => Escalation ?? new EscalationConfig();
}

using System.Text.Json;
using CareStream.Rules.RuleSets;

namespace CareStream.Alerting.Commands;

/// <summary>
/// Per-patient limit overrides as JSON: an object of parameter name → <see cref="ParameterLimitsOverride"/> in the
/// rule-set file shape (camelCase, priorities as <c>high</c> | <c>medium</c> | <c>low</c>, unknown fields refused),
/// written with the keys in ordinal order so equal overrides give equal text (and equal command ids).
/// </summary>
public static class LimitOverridesJson
{
    public static string Serialize(IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var sorted = new SortedDictionary<string, ParameterLimitsOverride>(StringComparer.Ordinal);
        foreach (var (name, limits) in overrides)
        {
            sorted[name] = limits;
        }

        return JsonSerializer.Serialize(sorted, RuleSetLoader.JsonOptions);
    }

    public static JsonElement ToElement(IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        using var document = JsonDocument.Parse(Serialize(overrides));
        return document.RootElement.Clone();
    }

    /// <exception cref="JsonException">Not an object of overrides; the message names the JSON path.</exception>
    public static IReadOnlyDictionary<string, ParameterLimitsOverride> Parse(JsonElement element)
    {
        var parsed = element.Deserialize<Dictionary<string, ParameterLimitsOverride?>>(RuleSetLoader.JsonOptions)
            ?? throw new JsonException("The limits must be a JSON object of parameter name → override.");
        var result = new Dictionary<string, ParameterLimitsOverride>(StringComparer.Ordinal);
        foreach (var (name, limits) in parsed)
        {
            result[name] = limits ?? throw new JsonException($"$.{name} must be an object, not null.");
        }

        return result;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareStream.Rules.RuleSets;

/// <summary>Loads a rule set from JSON (camelCase, enums as names) and validates it. Pure: the caller reads the file.</summary>
public static class RuleSetLoader
{
    /// <summary>The JSON options rule sets use (also for writing them).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses and validates; on failure returns a null rule set and the errors, each naming its field.</summary>
    public static RuleSetLoadResult Load(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        RuleSet? ruleSet;
        try
        {
            ruleSet = JsonSerializer.Deserialize<RuleSet>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            // The message names the JSON path ($.limits.heartRate.warningHigh.priority) and the line.
            return new RuleSetLoadResult(null, [$"invalid JSON: {ex.Message}"]);
        }

        if (ruleSet is null)
        {
            return new RuleSetLoadResult(null, ["the document is empty"]);
        }

        var errors = RuleSetValidator.Validate(ruleSet);
        return errors.Count == 0 ? new RuleSetLoadResult(ruleSet, []) : new RuleSetLoadResult(null, errors);
    }
}

using System.Text.Json;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.UnitTests.RuleSets;

public class RuleSetLoaderTests
{
    private const string ValidJson = """
        {
          // ward 7 defaults, reviewed 2026-01
          "id": "ward-7", "version": 3, "ward": "ward-7",
          "limits": {
            "heartRate": {
              "criticalLow": { "limit": 40, "priority": "high" },
              "warningLow": { "limit": 50, "priority": "medium", "delaySeconds": 10 },
              "warningHigh": { "limit": 120, "priority": "medium", "delaySeconds": 10 },
              "criticalHigh": { "limit": 140, "priority": "high", "delaySeconds": 5 },
              "hysteresis": 5, "latching": true
            }
          },
          "rateOfChange": [ { "id": "hrRise", "parameter": "heartRate", "perMinute": 5, "overMinutes": 10 } ],
          "news2": { "singleParameterPriority": "medium" },
          "technical": { "staleData": { "oxygenSaturation": { "expectedIntervalSeconds": 5, "multiplier": 3 } } },
          "escalation": { "highAfterSeconds": 30 }
        }
        """;

    [Fact]
    public void GivenValidJson_WhenLoaded_ThenRuleSetAndRulesAreBuilt()
    {
        var result = RuleSetLoader.Load(ValidJson);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(3, result.RuleSet.Version);
        Assert.True(result.RuleSet.EffectiveLimits["heartRate"].Latching);
        Assert.Equal(AlarmPriority.Medium, result.RuleSet.EffectiveNews2.SingleParameterPriority);
        Assert.Equal(30, result.RuleSet.EffectiveEscalation.HighAfterSeconds);
        var ids = RuleSetCompiler.Compile(result.RuleSet).Select(r => r.Id).ToList();
        Assert.Equal(
            ["limit.heartRate", "roc.hrRise", "news2", "technical.noData.oxygenSaturation", "technical.sensorOff",
             "technical.invalidSignal", "technical.unassociatedDevice"],
            ids);
    }

    [Theory]
    [InlineData("\"criticalHigh\": { \"limit\": 140", "\"criticalHigh\": { \"limit\": 110", "limits.heartRate.criticalHigh must be greater than warningHigh")]
    [InlineData("\"warningLow\": { \"limit\": 50", "\"warningLow\": { \"limit\": 30", "limits.heartRate.warningLow must be greater than criticalLow")]
    [InlineData("\"hysteresis\": 5", "\"hysteresis\": -1", "limits.heartRate.hysteresis must not be negative")]
    [InlineData("\"delaySeconds\": 5", "\"delaySeconds\": -5", "limits.heartRate.criticalHigh.delaySeconds must not be negative")]
    [InlineData("\"heartRate\": {", "\"heartBeat\": {", "limits.heartBeat is not a known parameter")]
    [InlineData("\"version\": 3", "\"version\": 0", "version must be at least 1")]
    [InlineData("\"ward\": \"ward-7\"", "\"ward\": \" \"", "ward is required")]
    [InlineData("\"perMinute\": 5", "\"perMinute\": 0", "rateOfChange[0].perMinute must be greater than 0")]
    [InlineData("\"parameter\": \"heartRate\"", "\"parameter\": \"pulse\"", "rateOfChange[0].parameter 'pulse' is not a known parameter")]
    [InlineData("\"multiplier\": 3", "\"multiplier\": 0.5", "technical.staleData.oxygenSaturation.multiplier must be at least 1")]
    [InlineData("\"highAfterSeconds\": 30", "\"highAfterSeconds\": 0", "escalation.highAfterSeconds must be greater than 0")]
    [InlineData("\"news2\": {", "\"news2\": { \"freshnessMinutes\": 0,", "news2.freshnessMinutes must be greater than 0")]
    public void GivenInvalidField_WhenLoaded_ThenErrorNamesTheField(string find, string replace, string expectedError)
    {
        var json = ValidJson.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(ValidJson, json);

        var result = RuleSetLoader.Load(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.StartsWith(expectedError, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"priority\": \"high\" }", "\"priority\": \"urgent\" }", "$.limits.heartRate.criticalLow.priority")]
    [InlineData("\"hysteresis\": 5", "\"hysteresis\": 5, \"hysterisis\": 5", "hysterisis")]
    public void GivenMalformedValueOrUnknownField_WhenLoaded_ThenErrorPointsAtTheJsonPath(string find, string replace, string expectedFragment)
    {
        var result = RuleSetLoader.Load(ValidJson.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains(expectedFragment, Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenShippedDefaults_WhenSerializedAndReloaded_ThenValidAndEqual()
    {
        var defaults = DefaultRuleSet.Create("ward-1");
        var json = JsonSerializer.Serialize(defaults, RuleSetLoader.JsonOptions);

        var result = RuleSetLoader.Load(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(defaults.EffectiveLimits.Keys.Order(), result.RuleSet.EffectiveLimits.Keys.Order());
        Assert.Equal(defaults.EffectiveLimits["oxygenSaturation"], result.RuleSet.EffectiveLimits["oxygenSaturation"]);
        Assert.Empty(RuleSetValidator.Validate(defaults));
    }
}

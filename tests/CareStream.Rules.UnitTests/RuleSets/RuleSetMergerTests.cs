using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.UnitTests.RuleSets;

public class RuleSetMergerTests
{
    [Fact]
    public void GivenPatientOverrideOfOneBand_WhenMerged_ThenOtherBandsInheritWardDefaults()
    {
        var ward = DefaultRuleSet.Create("ward-1");
        var overrides = new Dictionary<string, ParameterLimitsOverride>
        {
            ["oxygenSaturation"] = new(WarningLow: new LimitBand(88, AlarmPriority.Medium, 15)),
        };

        var merged = RuleSetMerger.WithPatientOverrides(ward, overrides);

        var spo2 = merged.EffectiveLimits["oxygenSaturation"];
        Assert.Equal(88, spo2.WarningLow!.Limit);
        Assert.Equal(ward.EffectiveLimits["oxygenSaturation"].CriticalLow, spo2.CriticalLow);
        Assert.Equal(ward.EffectiveLimits["oxygenSaturation"].Hysteresis, spo2.Hysteresis);
        Assert.Equal(ward.EffectiveLimits["heartRate"], merged.EffectiveLimits["heartRate"]);
        Assert.Equal(90, ward.EffectiveLimits["oxygenSaturation"].WarningLow!.Limit);
    }

    [Fact]
    public void GivenOverrideThatCrossesWardLimit_WhenMergedAndValidated_ThenErrorNamesTheField()
    {
        var ward = DefaultRuleSet.Create("ward-1");
        var overrides = new Dictionary<string, ParameterLimitsOverride>
        {
            ["heartRate"] = new(WarningHigh: new LimitBand(150, AlarmPriority.Medium)),
        };

        var errors = RuleSetValidator.Validate(RuleSetMerger.WithPatientOverrides(ward, overrides));

        Assert.Contains("limits.heartRate.criticalHigh must be greater than warningHigh", errors);
    }

    [Fact]
    public void GivenOverrideForParameterWithoutWardLimits_WhenMerged_ThenAdded()
    {
        var ward = DefaultRuleSet.Create("ward-1");
        var overrides = new Dictionary<string, ParameterLimitsOverride>
        {
            ["meanBloodPressure"] = new(WarningLow: new LimitBand(65, AlarmPriority.Medium)),
        };

        var merged = RuleSetMerger.WithPatientOverrides(ward, overrides);

        Assert.Equal(65, merged.EffectiveLimits["meanBloodPressure"].WarningLow!.Limit);
        Assert.Empty(RuleSetValidator.Validate(merged));
    }
}

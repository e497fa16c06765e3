using CareStream.Alerting.Limits;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;

namespace CareStream.Alerting.UnitTests.Limits;

public class PatientLimitsTests
{
    private static readonly RuleSet Ward = DefaultRuleSet.Create("ward-a");

    [Fact]
    public void GivenALowerWarningHigh_WhenMerged_ThenOnlyThatBandChangesAndTheRestIsInherited()
    {
        var overrides = Override("heartRate", new ParameterLimitsOverride(WarningHigh: new LimitBand(110, AlarmPriority.Medium)));

        var (merged, errors) = PatientLimits.Merge(Ward, overrides);

        Assert.Empty(errors);
        var heartRate = merged.EffectiveLimits["heartRate"];
        Assert.Equal(110, heartRate.WarningHigh!.Limit);
        Assert.Equal(Ward.EffectiveLimits["heartRate"].CriticalHigh, heartRate.CriticalHigh);
        Assert.Equal(Ward.EffectiveLimits["oxygenSaturation"], merged.EffectiveLimits["oxygenSaturation"]);
    }

    [Theory]
    [InlineData("heartRate", 150, "limits.heartRate.criticalHigh")]   // above the ward's criticalHigh 140
    [InlineData("heartRate", 45, "limits.heartRate.warningHigh")]     // below the ward's warningLow 50
    [InlineData("heartRat", 110, "limits.heartRat")]                  // unknown parameter
    public void GivenAnOverrideInconsistentWithTheWard_WhenMerged_ThenTheErrorNamesTheField(string parameter, double warningHigh, string field)
    {
        var overrides = Override(parameter, new ParameterLimitsOverride(WarningHigh: new LimitBand(warningHigh, AlarmPriority.Medium)));

        var (_, errors) = PatientLimits.Merge(Ward, overrides);

        Assert.Contains(field, errors.Select(PatientLimits.FieldOf));
    }

    [Fact]
    public void GivenHeartRate118_WhenTheWarningHighIsLoweredTo115_ThenOnlyThePatientsMergedSetRaises()
    {
        var patient = new PatientId("patient-lim-2");
        var overrides = Override("heartRate", new ParameterLimitsOverride(WarningHigh: new LimitBand(115, AlarmPriority.Medium, 0)));
        var t0 = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        var withDefault = PatientAlarmTracker.ForRuleSet(patient, Ward);
        var withOverride = PatientAlarmTracker.ForRuleSet(patient, Ward);

        withOverride.UpdateRules(RuleSetCompiler.Compile(PatientLimits.Merge(Ward, overrides).Merged), Ward.EffectiveEscalation);
        var byDefault = withDefault.OnReading(HeartRate(patient, t0, 118), t0);
        var byOverride = withOverride.OnReading(HeartRate(patient, t0, 118), t0);

        Assert.Empty(byDefault);
        Assert.Equal("limit.heartRate", Assert.Single(byOverride.OfType<AlarmRaised>()).Episode.RuleId);
    }

    private static Dictionary<string, ParameterLimitsOverride> Override(string parameter, ParameterLimitsOverride limits) =>
        new(StringComparer.Ordinal) { [parameter] = limits };

    private static VitalSignReading HeartRate(PatientId patient, DateTimeOffset at, double value) =>
        new($"obs-{at.ToUnixTimeSeconds()}", patient, new DeviceId("device-lim"), VitalSignKind.HeartRate, 147842, value, at, ObservationStatus.Final);
}

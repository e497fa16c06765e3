using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts.Rules;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Alerts;

public class RateOfChangeRuleTests
{
    private static RateOfChangeRule HeartRateRise() => new(
        "roc.heartRateRise", 1, VitalSignKind.HeartRate, perMinute: 5, TimeSpan.FromMinutes(5), falling: false,
        AlarmPriority.Medium, latching: false);

    [Fact]
    public void GivenHeartRateRisingTenPerMinuteForFiveMinutes_WhenEvaluated_ThenRaisesTrendAlarm()
    {
        var readings = Series(VitalSignKind.HeartRate, T0, TimeSpan.FromMinutes(1), 70, 80, 90, 100, 110, 120);

        var decision = HeartRateRise().Evaluate(Window(readings));

        Assert.NotNull(decision);
        Assert.Equal("HeartRateRising", decision.Condition);
        Assert.Equal(AlarmPriority.Medium, decision.Priority);
    }

    [Fact]
    public void GivenHeartRateRisingThreePerMinute_WhenEvaluated_ThenNothing()
    {
        var readings = Series(VitalSignKind.HeartRate, T0, TimeSpan.FromMinutes(1), 70, 73, 76, 79, 82, 85);

        var decision = HeartRateRise().Evaluate(Window(readings));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenSteepRiseButLessDataThanTheSpan_WhenEvaluated_ThenNothing()
    {
        var readings = Series(VitalSignKind.HeartRate, T0, TimeSpan.FromMinutes(1), 70, 100, 130);

        var decision = HeartRateRise().Evaluate(Window(readings));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenSingleArtefactSpikeOnAFlatTrend_WhenEvaluated_ThenLeastSquaresDoesNotTrigger()
    {
        var readings = Series(VitalSignKind.HeartRate, T0, TimeSpan.FromSeconds(30), 70, 70, 71, 70, 69, 70, 70, 71, 70, 70, 95);

        var decision = HeartRateRise().Evaluate(Window(readings));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenFallingRule_WhenHeartRateFallsFast_ThenRaises()
    {
        var rule = new RateOfChangeRule(
            "roc.hrFall", 1, VitalSignKind.HeartRate, 5, TimeSpan.FromMinutes(5), falling: true, AlarmPriority.High, latching: true);
        var readings = Series(VitalSignKind.HeartRate, T0, TimeSpan.FromMinutes(1), 120, 110, 100, 90, 80, 70);

        var decision = rule.Evaluate(Window(readings));

        Assert.NotNull(decision);
        Assert.True(decision.Latching);
        Assert.Equal("HeartRateFalling", decision.Condition);
    }
}

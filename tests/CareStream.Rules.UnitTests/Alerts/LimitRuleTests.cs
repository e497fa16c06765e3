using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts.Rules;
using CareStream.Rules.RuleSets;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Alerts;

public class LimitRuleTests
{
    private const string SpO2RuleId = "limit.oxygenSaturation";

    private static LimitRule SpO2Rule(double warningDelay = 60, double criticalDelay = 0, double hysteresis = 2) => new(
        SpO2RuleId, 1, VitalSignKind.OxygenSaturation,
        new ParameterLimits(
            CriticalLow: new LimitBand(80, AlarmPriority.High, criticalDelay),
            WarningLow: new LimitBand(88, AlarmPriority.High, warningDelay),
            Hysteresis: hysteresis));

    [Fact]
    public void GivenSpO2Below88ForTwoMinutes_WhenEvaluated_ThenRaisesUrgentAlert()
    {
        var readings = Constant(VitalSignKind.OxygenSaturation, 86, T0, Seconds(5), 25);

        var decision = SpO2Rule(warningDelay: 120).Evaluate(Window(readings));

        Assert.NotNull(decision);
        Assert.Equal(AlarmPriority.High, decision.Priority);
        Assert.Equal("OxygenSaturationLow", decision.Condition);
        Assert.Equal(T0, decision.ConditionStartedAt);
        Assert.Equal(AlarmCategory.Physiological, decision.Category);
    }

    [Fact]
    public void GivenDesaturationShorterThanDelay_WhenEvaluated_ThenRaisesNothing()
    {
        var readings = Series(VitalSignKind.OxygenSaturation, T0, Seconds(10), 97, 86, 85, 86, 86);

        var decision = SpO2Rule(warningDelay: 60).Evaluate(Window(readings));

        Assert.Null(decision);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void GivenSingleReadingBelowLimit_WhenDelayIs_ThenZeroRaisesOnFirstReading(double delaySeconds, bool raises)
    {
        var readings = Series(VitalSignKind.OxygenSaturation, T0, Seconds(1), 97, 87);

        var decision = SpO2Rule(warningDelay: delaySeconds).Evaluate(Window(readings));

        Assert.Equal(raises, decision is not null);
    }

    [Theory]
    [InlineData(88, false)]
    [InlineData(87.9, true)]
    public void GivenValueAtTheLimit_WhenEvaluated_ThenOnlyValuesBeyondItAlarm(double value, bool raises)
    {
        var decision = SpO2Rule(warningDelay: 0).Evaluate(Window([Reading(VitalSignKind.OxygenSaturation, value, T0)]));

        Assert.Equal(raises, decision is not null);
    }

    [Fact]
    public void GivenValueBeyondCriticalLimitWithNoCriticalDelay_WhenWarningDelayNotMet_ThenRaisesCriticalAtOnce()
    {
        var rule = new LimitRule("limit.heartRate", 1, VitalSignKind.HeartRate, new ParameterLimits(
            WarningHigh: new LimitBand(120, AlarmPriority.Medium, 30), CriticalHigh: new LimitBand(140, AlarmPriority.High, 0)));
        var readings = Series(VitalSignKind.HeartRate, T0, Seconds(5), 90, 150);

        var decision = rule.Evaluate(Window(readings));

        Assert.NotNull(decision);
        Assert.Equal(AlarmPriority.High, decision.Priority);
        Assert.Equal("HeartRateHigh", decision.Condition);
    }

    [Theory]
    [InlineData(88.5, true)]
    [InlineData(89.9, true)]
    [InlineData(90, false)]
    [InlineData(95, false)]
    public void GivenActiveAlarm_WhenValueReturnsInsideLimit_ThenClearsOnlyBeyondHysteresis(double value, bool stillActive)
    {
        var readings = Series(VitalSignKind.OxygenSaturation, T0, Seconds(5), 85, 85, value);

        var decision = SpO2Rule(warningDelay: 0, hysteresis: 2).Evaluate(Window(readings, null, SpO2RuleId));

        Assert.Equal(stillActive, decision is not null);
    }

    [Fact]
    public void GivenInactiveAlarm_WhenValueInsideHysteresisBand_ThenDoesNotRaise()
    {
        var decision = SpO2Rule(warningDelay: 0).Evaluate(Window([Reading(VitalSignKind.OxygenSaturation, 89, T0)]));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenNoReadingsOfTheParameter_WhenEvaluated_ThenNothing()
    {
        var decision = SpO2Rule().Evaluate(Window([Reading(VitalSignKind.HeartRate, 200, T0)]));

        Assert.Null(decision);
    }

    [Theory]
    [InlineData(125, true)]
    [InlineData(115.1, true)]
    [InlineData(115, false)]
    public void GivenActiveHighHeartRateAlarm_WhenRateFalls_ThenClearsAtLimitMinusHysteresis(double value, bool stillActive)
    {
        var rule = new LimitRule("limit.heartRate", 1, VitalSignKind.HeartRate, new ParameterLimits(
            WarningHigh: new LimitBand(120, AlarmPriority.Medium), Hysteresis: 5));
        var readings = Series(VitalSignKind.HeartRate, T0, Seconds(5), 130, value);

        var decision = rule.Evaluate(Window(readings, null, "limit.heartRate"));

        Assert.Equal(stillActive, decision is not null);
    }

    [Fact]
    public void GivenSparseReadingsBeyondLimit_WhenTheySpanTheDelay_ThenRaises()
    {
        var readings = Series(VitalSignKind.OxygenSaturation, T0, TimeSpan.FromMinutes(1), 86, 86);

        var decision = SpO2Rule(warningDelay: 60).Evaluate(Window(readings));

        Assert.NotNull(decision);
    }

    [Fact]
    public void GivenReadingOfAnotherPatient_WhenWindowBuilt_ThenRejected()
    {
        var other = Reading(VitalSignKind.HeartRate, 80, T0) with { Patient = new Domain.PatientId("someone-else") };

        Assert.Throws<ArgumentException>(() => Window([other]));
    }
}

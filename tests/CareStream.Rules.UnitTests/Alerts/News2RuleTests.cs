using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;
using CareStream.Rules.Alerts.Rules;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Alerts;

public class News2RuleTests
{
    private static PatientVitalsWindow PatientWith(double rr, double spo2, double sbp, double hr, double temp, ChartingInputs charting) =>
        new(Patient, T0, [
            Reading(VitalSignKind.RespiratoryRate, rr, T0),
            Reading(VitalSignKind.OxygenSaturation, spo2, T0),
            Reading(VitalSignKind.SystolicBloodPressure, sbp, T0),
            Reading(VitalSignKind.HeartRate, hr, T0),
            Reading(VitalSignKind.BodyTemperature, temp, T0),
        ])
        { Charting = charting };

    private static readonly ChartingInputs AlertOnAir = new(false, Consciousness.Alert);

    [Theory]
    [InlineData(16, 98, 125, 72, 37.0, null)]
    [InlineData(26, 98, 125, 72, 37.0, AlarmPriority.Low)]
    [InlineData(22, 95, 105, 95, 37.0, AlarmPriority.Medium)]
    [InlineData(22, 95, 105, 95, 38.3, AlarmPriority.Medium)]
    [InlineData(26, 93, 105, 95, 37.0, AlarmPriority.High)]
    public void GivenNews2Level_WhenEvaluatedWithDefaultMapping_ThenPriorityIsTheDocumentedDefault(
        double rr, double spo2, double sbp, double hr, double temp, AlarmPriority? expected)
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig());

        var decision = rule.Evaluate(PatientWith(rr, spo2, sbp, hr, temp, AlertOnAir));

        Assert.Equal(expected, decision?.Priority);
    }

    [Fact]
    public void GivenSingleParameterThreeMappedToMedium_WhenEvaluated_ThenMedium()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig(SingleParameterPriority: AlarmPriority.Medium));

        var decision = rule.Evaluate(PatientWith(26, 98, 125, 72, 37.0, AlertOnAir));

        Assert.Equal(AlarmPriority.Medium, decision?.Priority);
        Assert.Equal("News2LowMedium", decision?.Condition);
    }

    [Fact]
    public void GivenIncompleteScoreAlreadyHigh_WhenEvaluated_ThenRaisesAndNamesMissingParameters()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig());

        var decision = rule.Evaluate(PatientWith(26, 91, 95, 120, 37.0, ChartingInputs.None));

        Assert.NotNull(decision);
        Assert.Equal(AlarmPriority.High, decision.Priority);
        Assert.Contains("incomplete", decision.Detail, StringComparison.Ordinal);
        Assert.Contains(nameof(News2Parameter.Consciousness), decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenIncompleteScoreAndRaiseWhenIncompleteOff_WhenEvaluated_ThenNothing()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig(RaiseWhenIncomplete: false));

        var decision = rule.Evaluate(PatientWith(26, 91, 95, 120, 37.0, ChartingInputs.None));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenScale2PatientOnOxygenAt97_WhenEvaluated_ThenScoresThreeForSpO2PlusTwoForOxygen()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig());

        var decision = rule.Evaluate(PatientWith(16, 97, 125, 72, 37.0, new ChartingInputs(true, Consciousness.Alert, SpO2Scale.Scale2)));

        Assert.NotNull(decision);
        Assert.Equal(AlarmPriority.Medium, decision.Priority);
        Assert.StartsWith("NEWS2 5 ", decision.Detail, StringComparison.Ordinal);
    }

    private static PatientVitalsWindow SpO2OnABandEdge(double[] spo2, bool active)
    {
        var readings = Series(VitalSignKind.OxygenSaturation, T0, Seconds(1), spo2);
        var end = T0 + Seconds(spo2.Length - 1);
        readings.Add(Reading(VitalSignKind.RespiratoryRate, 16, end));
        readings.Add(Reading(VitalSignKind.SystolicBloodPressure, 125, end));
        readings.Add(Reading(VitalSignKind.HeartRate, 72, end));
        readings.Add(Reading(VitalSignKind.BodyTemperature, 37.0, end));
        return new PatientVitalsWindow(Patient, end, readings)
        {
            Charting = AlertOnAir,
            ActiveRuleIds = active ? new HashSet<string>(["news2"]) : new HashSet<string>(),
        };
    }

    [Fact]
    public void GivenAnActiveAlarmAndSpO2FlickeringAcrossABandEdge_WhenTheLatestScoreIsBelowTheTrigger_ThenTheAlarmHolds()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig());
        var flicker = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 91.0 : 92.0).ToArray(); // 91 scores 3, 92 scores 2

        var decision = rule.Evaluate(SpO2OnABandEdge(flicker, active: true));

        Assert.NotNull(decision);
        Assert.Equal("News2LowMedium", decision.Condition);
    }

    [Fact]
    public void GivenAClearDelayOfZero_WhenTheLatestScoreIsBelowTheTrigger_ThenTheAlarmClearsAtOnce()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig(ClearDelaySeconds: 0));
        var flicker = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 91.0 : 92.0).ToArray();

        Assert.Null(rule.Evaluate(SpO2OnABandEdge(flicker, active: true)));
    }

    [Fact]
    public void GivenTheTriggerAbsentForLongerThanTheClearDelay_WhenEvaluated_ThenTheAlarmClears()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig(ClearDelaySeconds: 30));
        var improved = new[] { 91.0 }.Concat(Enumerable.Repeat(92.0, 40)).ToArray();

        Assert.Null(rule.Evaluate(SpO2OnABandEdge(improved, active: true)));
    }

    [Fact]
    public void GivenNoActiveAlarm_WhenTheLatestScoreIsBelowTheTrigger_ThenNothingIsRaisedFromOlderScores()
    {
        var rule = new News2Rule("news2", 1, new News2RuleConfig());
        var flicker = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? 91.0 : 92.0).ToArray();

        Assert.Null(rule.Evaluate(SpO2OnABandEdge(flicker, active: false)));
    }
}

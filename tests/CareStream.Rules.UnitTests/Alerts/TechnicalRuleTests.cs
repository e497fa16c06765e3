using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;
using CareStream.Rules.Alerts.Rules;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Alerts;

public class TechnicalRuleTests
{
    private static readonly StaleDataRule SpO2Stale = new(
        "technical.noData.oxygenSaturation", 1, VitalSignKind.OxygenSaturation, Seconds(5), 3, AlarmPriority.Low);

    [Theory]
    [InlineData(15, false)]
    [InlineData(15.001, true)]
    [InlineData(60, true)]
    public void GivenLastReadingAge_WhenEvaluated_ThenNoDataAfterKTimesInterval(double ageSeconds, bool raises)
    {
        var window = Window([Reading(VitalSignKind.OxygenSaturation, 97, T0)], now: T0 + Seconds(ageSeconds));

        var decision = SpO2Stale.Evaluate(window);

        Assert.Equal(raises, decision is not null);
        Assert.Equal(raises ? T0 + Seconds(15) : null, decision?.ConditionStartedAt);
    }

    [Fact]
    public void GivenParameterNeverSeen_WhenEvaluated_ThenNoStaleAlarm()
    {
        var decision = SpO2Stale.Evaluate(Window([], now: T0.AddHours(1)));

        Assert.Null(decision);
    }

    [Fact]
    public void GivenDeviceReportsSensorOff_WhenEvaluated_ThenTechnicalAlarm()
    {
        var rule = new DeviceSignalRule("technical.sensorOff", 1, DeviceSignalCondition.SensorOff, AlarmPriority.Low);
        var window = new PatientVitalsWindow(Patient, T0, [])
        {
            ActiveSignalConditions = [new DeviceSignalReport(BedsideMonitor, VitalSignKind.OxygenSaturation, DeviceSignalCondition.SensorOff, T0)],
        };

        var decision = rule.Evaluate(window);

        Assert.NotNull(decision);
        Assert.Equal(AlarmCategory.Technical, decision.Category);
        Assert.Equal("SensorOff", decision.Condition);
    }

    [Fact]
    public void GivenOnlyInvalidSignalReported_WhenSensorOffRuleEvaluated_ThenNothing()
    {
        var rule = new DeviceSignalRule("technical.sensorOff", 1, DeviceSignalCondition.SensorOff, AlarmPriority.Low);
        var window = new PatientVitalsWindow(Patient, T0, [])
        {
            ActiveSignalConditions = [new DeviceSignalReport(BedsideMonitor, VitalSignKind.OxygenSaturation, DeviceSignalCondition.InvalidSignal, T0)],
        };

        Assert.Null(rule.Evaluate(window));
    }

    [Fact]
    public void GivenUnassociatedDeviceAtBed_WhenEvaluated_ThenTechnicalAlarmNamesDevice()
    {
        var rule = new UnassociatedDeviceRule("technical.unassociatedDevice", 1, AlarmPriority.Low);
        var window = new PatientVitalsWindow(Patient, T0, []) { UnassociatedDevices = [new DeviceId("pump-9")] };

        var decision = rule.Evaluate(window);

        Assert.NotNull(decision);
        Assert.Contains("pump-9", decision.Detail, StringComparison.Ordinal);
    }
}

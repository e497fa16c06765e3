using CareStream.Domain.Vitals;
using CareStream.Rules.News2;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.News2;

public class News2InputSelectorTests
{
    [Fact]
    public void GivenSeveralReadingsOfOneParameter_WhenSelected_ThenLatestIsUsedNotSummedOrAveraged()
    {
        var window = Window(
            [Reading(VitalSignKind.RespiratoryRate, 30, T0), Reading(VitalSignKind.RespiratoryRate, 16, T0.AddMinutes(1))],
            now: T0.AddMinutes(2));

        var (inputs, used) = News2InputSelector.Select(window, TimeSpan.FromMinutes(60));

        Assert.Equal(16, inputs.RespirationRate);
        Assert.Single(used);
    }

    [Fact]
    public void GivenReadingOlderThanFreshnessWindow_WhenSelected_ThenParameterIsMissing()
    {
        var window = Window([Reading(VitalSignKind.BodyTemperature, 37, T0)], now: T0.AddMinutes(61));

        var (inputs, _) = News2InputSelector.Select(window, TimeSpan.FromMinutes(60));

        Assert.Null(inputs.Temperature);
    }

    [Fact]
    public void GivenHeartRateNewerThanPulseRate_WhenSelected_ThenPulseIsTheNewerOne()
    {
        var window = Window(
            [Reading(VitalSignKind.PulseRate, 70, T0), Reading(VitalSignKind.HeartRate, 120, T0.AddSeconds(5))]);

        var (inputs, _) = News2InputSelector.Select(window, TimeSpan.FromMinutes(60));

        Assert.Equal(120, inputs.Pulse);
    }

    [Fact]
    public void GivenEnteredInErrorReading_WhenSelected_ThenItIsIgnored()
    {
        var wrong = Reading(VitalSignKind.RespiratoryRate, 40, T0.AddSeconds(10)) with { Status = ObservationStatus.EnteredInError };
        var window = Window([Reading(VitalSignKind.RespiratoryRate, 16, T0), wrong]);

        var (inputs, _) = News2InputSelector.Select(window, TimeSpan.FromMinutes(60));

        Assert.Equal(16, inputs.RespirationRate);
    }
}

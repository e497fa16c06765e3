using CareStream.Rules.News2;

namespace CareStream.Rules.UnitTests.News2;

/// <summary>Every Chart 1 band edge on both sides, plus the rounding midpoints (ADR 2611: round half away from zero).</summary>
public class News2BandsTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(8, 3)]
    [InlineData(8.49, 3)]
    [InlineData(8.5, 1)]
    [InlineData(9, 1)]
    [InlineData(11, 1)]
    [InlineData(11.49, 1)]
    [InlineData(11.5, 0)]
    [InlineData(12, 0)]
    [InlineData(20, 0)]
    [InlineData(20.49, 0)]
    [InlineData(20.5, 2)]
    [InlineData(21, 2)]
    [InlineData(24, 2)]
    [InlineData(24.5, 3)]
    [InlineData(25, 3)]
    [InlineData(60, 3)]
    public void GivenRespirationRate_WhenBanded_ThenScoresPerChart1(double rate, int expected) =>
        Assert.Equal(expected, News2Bands.RespirationRate(rate));

    [Theory]
    [InlineData(50, 3)]
    [InlineData(91, 3)]
    [InlineData(91.49, 3)]
    [InlineData(91.5, 2)]
    [InlineData(92, 2)]
    [InlineData(93, 2)]
    [InlineData(94, 1)]
    [InlineData(95, 1)]
    [InlineData(95.5, 0)]
    [InlineData(96, 0)]
    [InlineData(100, 0)]
    public void GivenSpO2OnScale1_WhenBanded_ThenScoresPerChart1(double spo2, int expected) =>
        Assert.Equal(expected, News2Bands.SpO2Scale1(spo2));

    [Theory]
    [InlineData(70, false, 3)]
    [InlineData(83, false, 3)]
    [InlineData(83.5, false, 2)]
    [InlineData(84, false, 2)]
    [InlineData(85, false, 2)]
    [InlineData(86, false, 1)]
    [InlineData(87, false, 1)]
    [InlineData(88, false, 0)]
    [InlineData(92, false, 0)]
    [InlineData(93, false, 0)]
    [InlineData(95, false, 0)]
    [InlineData(97, false, 0)]
    [InlineData(100, false, 0)]
    [InlineData(83, true, 3)]
    [InlineData(84, true, 2)]
    [InlineData(85, true, 2)]
    [InlineData(86, true, 1)]
    [InlineData(87, true, 1)]
    [InlineData(88, true, 0)]
    [InlineData(92, true, 0)]
    [InlineData(92.49, true, 0)]
    [InlineData(92.5, true, 1)]
    [InlineData(93, true, 1)]
    [InlineData(94, true, 1)]
    [InlineData(95, true, 2)]
    [InlineData(96, true, 2)]
    [InlineData(97, true, 3)]
    [InlineData(100, true, 3)]
    public void GivenSpO2OnScale2_WhenBanded_ThenScoresPerChart1ForAirOrOxygen(double spo2, bool onOxygen, int expected) =>
        Assert.Equal(expected, News2Bands.SpO2Scale2(spo2, onOxygen));

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 0)]
    public void GivenAirOrOxygen_WhenBanded_ThenOxygenAddsTwo(bool onOxygen, int expected) =>
        Assert.Equal(expected, News2Bands.AirOrOxygen(onOxygen));

    [Theory]
    [InlineData(60, 3)]
    [InlineData(90, 3)]
    [InlineData(90.49, 3)]
    [InlineData(90.5, 2)]
    [InlineData(91, 2)]
    [InlineData(100, 2)]
    [InlineData(101, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 0)]
    [InlineData(219, 0)]
    [InlineData(219.49, 0)]
    [InlineData(219.5, 3)]
    [InlineData(220, 3)]
    [InlineData(260, 3)]
    public void GivenSystolicPressure_WhenBanded_ThenScoresPerChart1(double sbp, int expected) =>
        Assert.Equal(expected, News2Bands.SystolicBloodPressure(sbp));

    [Theory]
    [InlineData(30, 3)]
    [InlineData(40, 3)]
    [InlineData(40.49, 3)]
    [InlineData(40.5, 1)]
    [InlineData(41, 1)]
    [InlineData(50, 1)]
    [InlineData(51, 0)]
    [InlineData(90, 0)]
    [InlineData(91, 1)]
    [InlineData(110, 1)]
    [InlineData(111, 2)]
    [InlineData(130, 2)]
    [InlineData(130.5, 3)]
    [InlineData(131, 3)]
    [InlineData(200, 3)]
    public void GivenPulse_WhenBanded_ThenScoresPerChart1(double pulse, int expected) =>
        Assert.Equal(expected, News2Bands.Pulse(pulse));

    [Theory]
    [InlineData(Consciousness.Alert, 0)]
    [InlineData(Consciousness.NewConfusion, 3)]
    [InlineData(Consciousness.Voice, 3)]
    [InlineData(Consciousness.Pain, 3)]
    [InlineData(Consciousness.Unresponsive, 3)]
    public void GivenAcvpuLevel_WhenBanded_ThenAnythingButAlertScoresThree(Consciousness level, int expected) =>
        Assert.Equal(expected, News2Bands.Consciousness(level));

    [Theory]
    [InlineData(33.0, 3)]
    [InlineData(35.0, 3)]
    [InlineData(35.04, 3)]
    [InlineData(35.05, 1)]
    [InlineData(35.1, 1)]
    [InlineData(36.0, 1)]
    [InlineData(36.04, 1)]
    [InlineData(36.05, 0)]
    [InlineData(36.1, 0)]
    [InlineData(38.0, 0)]
    [InlineData(38.05, 1)]
    [InlineData(38.1, 1)]
    [InlineData(39.0, 1)]
    [InlineData(39.04, 1)]
    [InlineData(39.05, 2)]
    [InlineData(39.1, 2)]
    [InlineData(42.0, 2)]
    public void GivenTemperature_WhenBanded_ThenScoresPerChart1(double celsius, int expected) =>
        Assert.Equal(expected, News2Bands.Temperature(celsius));

    [Fact]
    public void GivenAnyNonIntegerValue_WhenBanded_ThenItScoresAsItsRoundedValue_SoNoGapsExist()
    {
        for (var tenths = 0; tenths <= 3000; tenths++)
        {
            var value = tenths / 10.0;
            var rounded = (double)News2Bands.RoundToInteger(value);

            Assert.Equal(News2Bands.RespirationRate(rounded), News2Bands.RespirationRate(value));
            Assert.Equal(News2Bands.Pulse(rounded), News2Bands.Pulse(value));
            Assert.Equal(News2Bands.SystolicBloodPressure(rounded), News2Bands.SystolicBloodPressure(value));
            Assert.Equal(News2Bands.SpO2Scale1(rounded), News2Bands.SpO2Scale1(value));
            Assert.InRange(News2Bands.Temperature(value / 5), 0, 3);
        }
    }
}

using CareStream.Rules.News2;

namespace CareStream.Rules.UnitTests.News2;

public class News2CalculatorTests
{
    private static News2Inputs Healthy() => new(16, 98, false, 125, 72, Consciousness.Alert, 37.0);

    public static TheoryData<string, News2Inputs, int, News2ResponseLevel, News2MonitoringFrequency> ExamplePatients => new()
    {
        { "healthy adult", Healthy(), 0, News2ResponseLevel.Low, News2MonitoringFrequency.TwelveHourly },
        { "mild derangement", new(22, 94, false, 120, 95, Consciousness.Alert, 37.0), 4, News2ResponseLevel.Low, News2MonitoringFrequency.FourToSixHourly },
        { "new confusion only", Healthy() with { Consciousness = Consciousness.NewConfusion }, 3, News2ResponseLevel.LowMedium, News2MonitoringFrequency.Hourly },
        { "aggregate 5", new(22, 95, false, 105, 95, Consciousness.Alert, 37.0), 5, News2ResponseLevel.Medium, News2MonitoringFrequency.Hourly },
        { "aggregate 6", new(22, 95, false, 105, 95, Consciousness.Alert, 38.3), 6, News2ResponseLevel.Medium, News2MonitoringFrequency.Hourly },
        { "aggregate 5 incl. a 3", new(16, 91, true, 125, 72, Consciousness.Alert, 37.0), 5, News2ResponseLevel.Medium, News2MonitoringFrequency.Hourly },
        { "aggregate 7", new(22, 95, true, 105, 95, Consciousness.Alert, 37.0), 7, News2ResponseLevel.High, News2MonitoringFrequency.Continuous },
        { "septic", new(26, 91, true, 95, 120, Consciousness.Voice, 39.5), 17, News2ResponseLevel.High, News2MonitoringFrequency.Continuous },
        { "maximum", new(30, 80, true, 80, 140, Consciousness.Unresponsive, 34.0), 20, News2ResponseLevel.High, News2MonitoringFrequency.Continuous },
        { "COPD on scale 2, O2, at target", new(18, 90, true, 130, 80, Consciousness.Alert, 37.0, SpO2Scale.Scale2), 2, News2ResponseLevel.Low, News2MonitoringFrequency.FourToSixHourly },
        { "COPD on scale 2, air, 96 %", new(18, 96, false, 130, 80, Consciousness.Alert, 37.0, SpO2Scale.Scale2), 0, News2ResponseLevel.Low, News2MonitoringFrequency.TwelveHourly },
        { "COPD on scale 2, O2, 97 %", new(18, 97, true, 130, 80, Consciousness.Alert, 37.0, SpO2Scale.Scale2), 5, News2ResponseLevel.Medium, News2MonitoringFrequency.Hourly },
    };

    [Theory]
    [MemberData(nameof(ExamplePatients))]
    public void GivenExamplePatient_WhenScored_ThenTotalLevelAndFrequencyMatchTheCharts(
        string patient, News2Inputs inputs, int total, News2ResponseLevel level, News2MonitoringFrequency frequency)
    {
        var result = News2Calculator.Calculate(inputs);

        Assert.True(result.IsComplete, patient);
        Assert.Equal(total, result.Aggregate);
        Assert.Equal(level, result.ResponseLevel);
        Assert.Equal(frequency, result.MonitoringFrequency);
        Assert.Equal(7, result.Subscores.Count);
    }

    [Theory]
    [InlineData(0, false, News2ResponseLevel.Low)]
    [InlineData(4, false, News2ResponseLevel.Low)]
    [InlineData(3, true, News2ResponseLevel.LowMedium)]
    [InlineData(4, true, News2ResponseLevel.LowMedium)]
    [InlineData(5, false, News2ResponseLevel.Medium)]
    [InlineData(6, true, News2ResponseLevel.Medium)]
    [InlineData(7, false, News2ResponseLevel.High)]
    [InlineData(20, true, News2ResponseLevel.High)]
    public void GivenAggregateAndSingleThree_WhenLevelled_ThenFollowsChart3(int aggregate, bool single3, News2ResponseLevel expected) =>
        Assert.Equal(expected, News2Calculator.LevelOf(aggregate, single3));

    [Fact]
    public void GivenOxygen_WhenScored_ThenAirOrOxygenRowAddsTwo()
    {
        var onAir = News2Calculator.Calculate(Healthy());

        var onOxygen = News2Calculator.Calculate(Healthy() with { OnSupplementalOxygen = true });

        Assert.Equal(onAir.Aggregate + 2, onOxygen.Aggregate);
        Assert.Equal(2, onOxygen.Subscores[News2Parameter.AirOrOxygen]);
    }

    [Fact]
    public void GivenMissingConsciousnessAndTemperature_WhenScored_ThenIncompleteAndFlaggedNotZeroFilled()
    {
        var inputs = Healthy() with { Consciousness = null, Temperature = null, RespirationRate = 26 };

        var result = News2Calculator.Calculate(inputs);

        Assert.False(result.IsComplete);
        Assert.Equal([News2Parameter.Consciousness, News2Parameter.Temperature], result.Missing);
        Assert.False(result.Subscores.ContainsKey(News2Parameter.Temperature));
        Assert.Equal(3, result.Aggregate);
        Assert.True(result.HasSingleParameterScoreOf3);
    }

    [Fact]
    public void GivenScale2AboveNinetyTwoWithoutAirOrOxygenCharted_WhenScored_ThenSpO2IsMissingNotZero()
    {
        var inputs = Healthy() with { SpO2Scale = SpO2Scale.Scale2, OxygenSaturation = 95, OnSupplementalOxygen = null };

        var result = News2Calculator.Calculate(inputs);

        Assert.Contains(News2Parameter.OxygenSaturation, result.Missing);
        Assert.Contains(News2Parameter.AirOrOxygen, result.Missing);
    }

    [Fact]
    public void GivenNoInputsAtAll_WhenScored_ThenAllSevenMissing()
    {
        var result = News2Calculator.Calculate(new News2Inputs(null, null, null, null, null, null, null));

        Assert.Equal(7, result.Missing.Count);
        Assert.Equal(0, result.Aggregate);
        Assert.False(result.IsComplete);
    }

    [Fact]
    public void GivenPatientUnder16OrPregnant_WhenScored_ThenResultIsFlaggedNotValidated()
    {
        var result = News2Calculator.Calculate(Healthy() with { PopulationNotValidated = true });

        Assert.True(result.PopulationNotValidated);
    }

    [Fact]
    public void GivenNonFiniteReading_WhenScored_ThenThatParameterIsMissing()
    {
        var result = News2Calculator.Calculate(Healthy() with { Pulse = double.NaN });

        Assert.Equal([News2Parameter.Pulse], result.Missing);
    }
}

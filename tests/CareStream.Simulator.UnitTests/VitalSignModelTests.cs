using CareStream.Domain.Vitals;
using CareStream.Simulator.Signals;

namespace CareStream.Simulator.UnitTests;

public sealed class VitalSignModelTests
{
    [Theory]
    [InlineData(ClinicalScenario.Stable, VitalSignKind.HeartRate, 60, 90)]
    [InlineData(ClinicalScenario.Bradycardia, VitalSignKind.HeartRate, 30, 45)]
    [InlineData(ClinicalScenario.Tachycardia, VitalSignKind.HeartRate, 125, 145)]
    [InlineData(ClinicalScenario.Hypotension, VitalSignKind.SystolicBloodPressure, 75, 92)]
    [InlineData(ClinicalScenario.Fever, VitalSignKind.BodyTemperature, 39.0, 39.8)]
    [InlineData(ClinicalScenario.Stable, VitalSignKind.OxygenSaturation, 95, 100)]
    public void GivenAScenario_WhenSampledOverAnHour_ThenValuesStayInItsClinicalBand(
        ClinicalScenario scenario, VitalSignKind kind, double low, double high)
    {
        var values = Enumerable.Range(0, 3600)
            .Select(s => VitalSignModel.ValueOf(kind, scenario, seed: 42, bed: 3, TimeSpan.FromSeconds(s))!.Value)
            .ToArray();

        Assert.All(values, v => Assert.InRange(v, low, high));
    }

    [Fact]
    public void GivenSepsis_WhenFourHoursPass_ThenHeartRateRespirationAndTemperatureRiseAndPressureFalls()
    {
        double At(VitalSignKind kind, double hours) =>
            VitalSignModel.ValueOf(kind, ClinicalScenario.SepsisDeterioration, 42, 1, TimeSpan.FromHours(hours))!.Value;

        Assert.True(At(VitalSignKind.HeartRate, 4) - At(VitalSignKind.HeartRate, 0) > 40);
        Assert.True(At(VitalSignKind.RespiratoryRate, 4) >= 25);
        Assert.True(At(VitalSignKind.BodyTemperature, 4) >= 39.0);
        Assert.True(At(VitalSignKind.SystolicBloodPressure, 4) <= 92);
    }

    [Fact]
    public void GivenAcuteDesaturation_WhenThreeMinutesPass_ThenSpO2FallsBelow88()
    {
        var before = VitalSignModel.ValueOf(VitalSignKind.OxygenSaturation, ClinicalScenario.AcuteDesaturation, 42, 2, TimeSpan.FromMinutes(1));
        var after = VitalSignModel.ValueOf(VitalSignKind.OxygenSaturation, ClinicalScenario.AcuteDesaturation, 42, 2, TimeSpan.FromMinutes(4));

        Assert.InRange(before!.Value, 95, 100);
        Assert.InRange(after!.Value, 80, 87);
    }

    [Fact]
    public void GivenTheSameInputs_WhenSampledTwice_ThenTheValueIsTheSame()
    {
        var a = VitalSignModel.ValueOf(VitalSignKind.RespiratoryRate, ClinicalScenario.Stable, 11, 4, TimeSpan.FromSeconds(1234));
        var b = VitalSignModel.ValueOf(VitalSignKind.RespiratoryRate, ClinicalScenario.Stable, 11, 4, TimeSpan.FromSeconds(1234));

        Assert.Equal(a, b);
    }
}

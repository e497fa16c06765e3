using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.UnitTests.Vitals;

public sealed class VitalSignCatalogTests
{
    [Theory]
    [InlineData(FhirSystems.Loinc, Loinc.HeartRate, VitalSignKind.HeartRate)]
    [InlineData(FhirSystems.Loinc, Loinc.OxygenSaturation, VitalSignKind.OxygenSaturation)]
    [InlineData(FhirSystems.Loinc, Loinc.RespiratoryRate, VitalSignKind.RespiratoryRate)]
    [InlineData(FhirSystems.Loinc, Loinc.BodyTemperature, VitalSignKind.BodyTemperature)]
    [InlineData(FhirSystems.Loinc, Loinc.Systolic, VitalSignKind.SystolicBloodPressure)]
    [InlineData(FhirSystems.Loinc, Loinc.Diastolic, VitalSignKind.DiastolicBloodPressure)]
    [InlineData(FhirSystems.Loinc, Loinc.MeanArterial, VitalSignKind.MeanBloodPressure)]
    [InlineData(FhirSystems.Mdc, "147842", VitalSignKind.HeartRate)]
    [InlineData(FhirSystems.Mdc, "149530", VitalSignKind.PulseRate)]
    [InlineData(FhirSystems.Mdc, "150456", VitalSignKind.OxygenSaturation)]
    [InlineData(FhirSystems.Mdc, "151562", VitalSignKind.RespiratoryRate)]
    [InlineData(FhirSystems.Mdc, "188424", VitalSignKind.BodyTemperature)]
    [InlineData(FhirSystems.Mdc, "150021", VitalSignKind.SystolicBloodPressure)]
    [InlineData(FhirSystems.Mdc, "150034", VitalSignKind.DiastolicBloodPressure)]
    [InlineData(FhirSystems.Mdc, "150039", VitalSignKind.MeanBloodPressure)]
    public void GivenAKnownCoding_WhenLookedUp_ThenKindIsFound(string system, string code, VitalSignKind expected)
    {
        var found = VitalSignCatalog.TryGetKind(system, code, out var kind);

        Assert.True(found);
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(FhirSystems.Loinc, Loinc.BloodPressurePanel)]
    [InlineData(FhirSystems.Loinc, "8302-2")]
    [InlineData(FhirSystems.Mdc, "150020")]
    [InlineData(FhirSystems.Mdc, "-147842")]
    [InlineData("OpenICE", "147842")]
    [InlineData(FhirSystems.Ucum, "/min")]
    public void GivenAnUnknownOrPanelCoding_WhenLookedUp_ThenNoKind(string system, string code)
    {
        var found = VitalSignCatalog.TryGetKind(system, code, out _);

        Assert.False(found);
    }

    [Fact]
    public void GivenHeartRateLoincWithADiastolicMdcCode_WhenResolved_ThenNothingMatches()
    {
        // The iomt-fhir pitfall: diastolic pressure coded as 8867-4 (heart rate) must never become a heart rate.
        var definition = VitalSignCatalog.Resolve(Loinc.HeartRate, Mdc.NonInvasiveDiastolic);

        Assert.Null(definition);
    }

    [Theory]
    [InlineData(VitalSignKind.HeartRate, 0, true)]
    [InlineData(VitalSignKind.HeartRate, 350, true)]
    [InlineData(VitalSignKind.HeartRate, -0.1, false)]
    [InlineData(VitalSignKind.HeartRate, 350.1, false)]
    [InlineData(VitalSignKind.OxygenSaturation, 100, true)]
    [InlineData(VitalSignKind.OxygenSaturation, 100.01, false)]
    [InlineData(VitalSignKind.RespiratoryRate, 200, true)]
    [InlineData(VitalSignKind.RespiratoryRate, 200.5, false)]
    [InlineData(VitalSignKind.BodyTemperature, 15, true)]
    [InlineData(VitalSignKind.BodyTemperature, 14.99, false)]
    [InlineData(VitalSignKind.BodyTemperature, 45, true)]
    [InlineData(VitalSignKind.BodyTemperature, 45.01, false)]
    [InlineData(VitalSignKind.SystolicBloodPressure, 400, true)]
    [InlineData(VitalSignKind.DiastolicBloodPressure, 400.1, false)]
    public void GivenAValue_WhenCheckedForPlausibility_ThenBoundsAreInclusive(VitalSignKind kind, double value, bool expected)
    {
        var plausible = VitalSignCatalog.Get(kind).IsPlausible(value);

        Assert.Equal(expected, plausible);
    }

    [Fact]
    public void GivenEveryKind_WhenListed_ThenEachHasUcumUnitAndProfileAndMdcCodesWithReferenceIds()
    {
        var all = VitalSignCatalog.All.ToList();

        Assert.Equal(Enum.GetValues<VitalSignKind>().Length, all.Count);
        Assert.All(all, d =>
        {
            Assert.Contains(d.CanonicalUnit, new[] { Ucum.PerMinute, Ucum.Percent, Ucum.Celsius, Ucum.MillimetreOfMercury });
            Assert.StartsWith(FhirSystems.CareStreamBase, d.Profile, StringComparison.Ordinal);
            Assert.All(d.MdcCodes, c => Assert.NotNull(Mdc.ReferenceId(c)));
        });
    }
}

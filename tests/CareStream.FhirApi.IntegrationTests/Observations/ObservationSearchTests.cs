using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;

namespace CareStream.FhirApi.IntegrationTests.Observations;

public sealed class ObservationSearchTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private async Task<(PatientId Patient, DeviceId Monitor, DeviceId Oximeter)> SeedMixedAsync()
    {
        var patient = Seed.NewPatient();
        var (monitor, oximeter) = (Seed.NewDevice(), Seed.NewDevice());
        await api.Writer.WriteAsync(
        [
            Seed.Reading(patient, monitor, VitalSignKind.HeartRate, Seed.T0),
            Seed.Reading(patient, oximeter, VitalSignKind.PulseRate, Seed.T0.AddSeconds(1), mdc: Mdc.PulseOximeterPulseRate),
            Seed.Reading(patient, oximeter, VitalSignKind.OxygenSaturation, Seed.T0.AddSeconds(2), 97, mdc: Mdc.PulseOximeterSaturation),
            Seed.Reading(patient, monitor, VitalSignKind.OxygenSaturation, Seed.T0.AddSeconds(3), 96, mdc: Mdc.ArterialSaturation),
            Seed.Reading(patient, monitor, VitalSignKind.RespiratoryRate, Seed.T0.AddSeconds(4), 16),
            Seed.Reading(patient, monitor, VitalSignKind.BodyTemperature, Seed.T0.AddSeconds(5), 37.2, ObservationStatus.Final),
            .. Seed.Panel(patient, monitor, Seed.T0.AddSeconds(6)),
        ], TestContext.Current.CancellationToken);
        return (patient, monitor, oximeter);
    }

    [Theory]
    [InlineData("8867-4", 2)]
    [InlineData("http://loinc.org|8867-4", 2)]
    [InlineData("|8867-4", 0)]
    [InlineData("urn:iso:std:iso:11073:10101|149530", 1)]
    [InlineData("147842", 1)]
    [InlineData("2708-6", 2)]
    [InlineData("59408-5", 1)]
    [InlineData("85354-9", 1)]
    [InlineData("urn:iso:std:iso:11073:10101|150020", 1)]
    [InlineData("8480-6", 0)]
    [InlineData("9279-1,8310-5", 2)]
    [InlineData("http://loinc.org|", 7)]
    [InlineData("1234-5", 0)]
    public async Task GivenDualCodedReadings_WhenSearchedByCode_ThenEveryMatchingObservationIsReturned(string code, int expected)
    {
        var (patient, _, _) = await SeedMixedAsync();

        var (status, bundle) = await api.GetAsync($"/fhir/Observation?patient={patient}&code={Uri.EscapeDataString(code)}");

        Assert.Equal(200, status);
        Assert.Equal(expected, Bundles.Resources(bundle).Length);
        var (system, value) = code.Contains('|', StringComparison.Ordinal) ? (code.Split('|')[0], code.Split('|')[1]) : (null, code);
        Assert.All(Bundles.Resources(bundle), r => Assert.Contains(r.GetProperty("code").GetProperty("coding").EnumerateArray(),
            c => (system is null || c.GetProperty("system").GetString() == system) && (value.Length == 0 || value.Split(',').Contains(c.GetProperty("code").GetString()))));
    }

    [Fact]
    public async Task GivenABloodPressurePanel_WhenSearched_ThenItIsOneEntryWithThreeComponents()
    {
        var (patient, _, _) = await SeedMixedAsync();

        var (_, bundle) = await api.GetAsync($"/fhir/Observation?patient=Patient/{patient}&code=85354-9");

        var panel = Assert.Single(Bundles.Resources(bundle));
        Assert.Equal(3, panel.GetProperty("component").GetArrayLength());
        Assert.Equal("match", bundle.GetProperty("entry")[0].GetProperty("search").GetProperty("mode").GetString());
        Assert.EndsWith("/fhir/Observation/" + panel.GetProperty("id").GetString(), bundle.GetProperty("entry")[0].GetProperty("fullUrl").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vital-signs", 7)]
    [InlineData("http://terminology.hl7.org/CodeSystem/observation-category|vital-signs", 7)]
    [InlineData("laboratory", 0)]
    [InlineData("laboratory,vital-signs", 7)]
    public async Task GivenVitalSigns_WhenSearchedByCategory_ThenOnlyVitalSignsMatch(string category, int expected)
    {
        var (patient, _, _) = await SeedMixedAsync();

        var (_, bundle) = await api.GetAsync($"/fhir/Observation?subject={patient}&category={Uri.EscapeDataString(category)}");

        Assert.Equal(expected, Bundles.Resources(bundle).Length);
    }

    [Fact]
    public async Task GivenStatusesAndDevices_WhenFiltered_ThenOnlyMatchingObservationsReturn()
    {
        var (patient, monitor, oximeter) = await SeedMixedAsync();

        var (_, final) = await api.GetAsync($"/fhir/Observation?patient={patient}&status=final");
        var (_, oximetry) = await api.GetAsync($"/fhir/Observation?patient={patient}&device=Device/{oximeter}");
        var (_, both) = await api.GetAsync($"/fhir/Observation?patient={patient}&device={monitor}&status=final,preliminary&code=8867-4");

        Assert.Equal(2, Bundles.Resources(final).Length); // temperature + BP panel
        Assert.All(Bundles.Resources(final), r => Assert.Equal("final", r.GetProperty("status").GetString()));
        Assert.Equal(2, Bundles.Resources(oximetry).Length);
        Assert.All(Bundles.Resources(oximetry), r => Assert.Equal($"Device/{oximeter}", r.GetProperty("device").GetProperty("reference").GetString()));
        Assert.Equal(["8867-4", "147842"], Bundles.Codes(Assert.Single(Bundles.Resources(both))));
    }

    [Fact]
    public async Task GivenSearches_WhenSortedAndSummarized_ThenOrderTotalAndCountFollowTheParameters()
    {
        var (patient, _, _) = await SeedMixedAsync();

        var (_, newest) = await api.GetAsync($"/fhir/Observation?patient={patient}");
        var (_, oldest) = await api.GetAsync($"/fhir/Observation?patient={patient}&_sort=date&_total=accurate");
        var (_, count) = await api.GetAsync($"/fhir/Observation?patient={patient}&_summary=count");

        Assert.Equal(Bundles.Ids(newest).Reverse(), Bundles.Ids(oldest));
        Assert.Equal(7, oldest.GetProperty("total").GetInt32());
        Assert.Equal(7, count.GetProperty("total").GetInt32());
        Assert.Empty(Bundles.Resources(count));
        Assert.False(newest.TryGetProperty("total", out _));
    }

    [Fact]
    public async Task GivenAnUnknownPatient_WhenSearched_ThenTheBundleIsEmpty()
    {
        var (status, bundle) = await api.GetAsync("/fhir/Observation?patient=nobody-here");

        Assert.Equal(200, status);
        Assert.Equal("searchset", bundle.GetProperty("type").GetString());
        Assert.Empty(Bundles.Resources(bundle));
    }
}

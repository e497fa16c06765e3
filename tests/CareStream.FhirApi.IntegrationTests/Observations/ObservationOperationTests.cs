using System.Net.Http.Headers;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;

namespace CareStream.FhirApi.IntegrationTests.Observations;

public sealed class ObservationOperationTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private async Task<PatientId> SeedDualCodedAsync()
    {
        var patient = Seed.NewPatient();
        var (monitor, oximeter) = (Seed.NewDevice(), Seed.NewDevice());
        await api.Writer.WriteAsync(
        [
            Seed.Reading(patient, monitor, VitalSignKind.HeartRate, Seed.T0, 60),
            Seed.Reading(patient, monitor, VitalSignKind.HeartRate, Seed.T0.AddSeconds(10), 61),
            Seed.Reading(patient, oximeter, VitalSignKind.PulseRate, Seed.T0.AddSeconds(20), 62, mdc: Mdc.PulseOximeterPulseRate),
            Seed.Reading(patient, oximeter, VitalSignKind.PulseRate, Seed.T0.AddSeconds(30), 63, ObservationStatus.EnteredInError, Mdc.PulseOximeterPulseRate),
            Seed.Reading(patient, oximeter, VitalSignKind.OxygenSaturation, Seed.T0.AddSeconds(5), 97, mdc: Mdc.PulseOximeterSaturation),
            .. Seed.Panel(patient, monitor, Seed.T0),
            .. Seed.Panel(patient, monitor, Seed.T0.AddMinutes(15)),
        ], TestContext.Current.CancellationToken);
        return patient;
    }

    [Fact]
    public async Task GivenADualCodedStore_WhenLastnByCategory_ThenOneNewestPerLoincGroupWithoutEnteredInError()
    {
        var patient = await SeedDualCodedAsync();

        var (status, bundle) = await api.GetAsync($"/fhir/Observation/$lastn?patient={patient}&category=vital-signs");

        Assert.Equal(200, status);
        var resources = Bundles.Resources(bundle);
        Assert.Equal(3, resources.Length); // 8867-4 (HR + PR together), 2708-6, 85354-9
        var heart = Assert.Single(resources, r => Bundles.Codes(r).Contains("8867-4"));
        Assert.Equal(62, heart.GetProperty("valueQuantity").GetProperty("value").GetDouble()); // pulse rate, newer than HR; 63 is in error
        Assert.Equal("2026-11-25T10:15:00+00:00", Assert.Single(resources, r => Bundles.Codes(r).Contains("85354-9")).GetProperty("effectiveDateTime").GetString());
    }

    [Fact]
    public async Task GivenStatusAndMax_WhenLastn_ThenStatusIsHonouredAndMaxPerGroupNewestFirst()
    {
        var patient = await SeedDualCodedAsync();

        var (_, withError) = await api.GetAsync($"/fhir/Observation/$lastn?patient={patient}&code=8867-4&status=entered-in-error,preliminary");
        var (_, three) = await api.GetAsync($"/fhir/Observation/$lastn?subject=Patient/{patient}&code=8867-4,85354-9&max=3");

        Assert.Equal(63, Assert.Single(Bundles.Resources(withError)).GetProperty("valueQuantity").GetProperty("value").GetDouble());
        var values = Bundles.Resources(three).Where(r => r.TryGetProperty("valueQuantity", out _)).Select(r => r.GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal([62.0, 61, 60], values);
        Assert.Equal(2, Bundles.Resources(three).Count(r => r.TryGetProperty("component", out _)));
    }

    [Theory]
    [InlineData("patient=p1")]
    [InlineData("category=vital-signs")]
    [InlineData("patient=p1&code=8867-4&max=0")]
    public async Task GivenMissingOrBadParameters_WhenLastn_ThenTheAnswerIs400(string query)
    {
        var (status, body) = await api.GetAsync("/fhir/Observation/$lastn?" + query);

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenPostBodies_WhenLastn_ThenFormAndParametersWorkOtherMediaTypesAre415AndOversizeIs413()
    {
        var patient = await SeedDualCodedAsync();
        var parameters = $$$"""{"resourceType":"Parameters","parameter":[{"name":"patient","valueReference":{"reference":"Patient/{{{patient}}}"}},{"name":"code","valueCoding":{"system":"http://loinc.org","code":"2708-6"}}]}""";
        var ct = TestContext.Current.CancellationToken;

        using var form = await api.Http.PostAsync(new Uri("/fhir/Observation/$lastn", UriKind.Relative),
            new FormUrlEncodedContent([new("patient", patient.Value), new("category", "vital-signs")]), ct);
        using var json = await api.Http.PostAsync(new Uri("/fhir/Observation/$lastn", UriKind.Relative),
            new StringContent(parameters, Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+json")), ct);
        using var xml = await api.Http.PostAsync(new Uri("/fhir/Observation/$lastn", UriKind.Relative),
            new StringContent("<Parameters/>", Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+xml")), ct);
        using var huge = await api.Http.PostAsync(new Uri("/fhir/Observation/$lastn", UriKind.Relative),
            new StringContent(parameters.Replace("Patient/", "Patient/" + new string('x', 70_000), StringComparison.Ordinal), Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+json")), ct);
        using var deep = await api.Http.PostAsync(new Uri("/fhir/Observation/$lastn", UriKind.Relative),
            new StringContent(new string('[', 10_000), Encoding.UTF8, new MediaTypeHeaderValue("application/fhir+json")), ct);

        Assert.Equal(3, Bundles.Resources(await FhirApiFixture.ReadAsync(form)).Length);
        Assert.Equal("2708-6", Bundles.Codes(Assert.Single(Bundles.Resources(await FhirApiFixture.ReadAsync(json))))[0]);
        Assert.Equal(415, (int)xml.StatusCode);
        Assert.Equal(400, (int)deep.StatusCode);
        Assert.Equal(413, (int)huge.StatusCode);
    }

    [Fact]
    public async Task GivenReadingsInTwoMinutes_WhenTrendRequested_ThenMinMaxMeanCountPerMinute()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        await api.Writer.WriteAsync(
            [.. new[] { 60.0, 70, 80 }.Select((v, i) => Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddSeconds(i), v)),
             Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddMinutes(1), 90)],
            TestContext.Current.CancellationToken);

        var (status, result) = await api.GetAsync($"/fhir/Observation/$trend?patient={patient}&code=http://loinc.org|8867-4&period=2026-11-25T10:00Z/2026-11-25T10:59Z");

        Assert.Equal(200, status);
        Assert.Equal("Parameters", result.GetProperty("resourceType").GetString());
        var series = result.GetProperty("parameter").EnumerateArray().ToArray();
        Assert.Equal(2, series.Length); // heart rate and pulse rate share 8867-4
        var points = series[0].GetProperty("part").EnumerateArray().Where(p => p.GetProperty("name").GetString() == "point").ToArray();
        Assert.Equal(2, points.Length);
        var first = points[0].GetProperty("part").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(60, first["min"].GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal(80, first["max"].GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal(70, first["mean"].GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal(3, first["count"].GetProperty("valueInteger").GetInt32());
    }

    [Theory]
    [InlineData("code=8867-4&period=2026-11-25/2026-11-26")]
    [InlineData("patient=p1&period=2026-11-25/2026-11-26")]
    [InlineData("patient=p1&code=8867-4&period=2026-11-25")]
    [InlineData("patient=p1&code=8867-4&period=2026-01/2026-12")]
    public async Task GivenMissingOrBadParameters_WhenTrendRequested_ThenTheAnswerIs400(string query)
    {
        var (status, _) = await api.GetAsync("/fhir/Observation/$trend?" + query);

        Assert.Equal(400, status);
    }
}

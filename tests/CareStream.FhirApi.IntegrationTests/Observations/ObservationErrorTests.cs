using CareStream.Domain.Vitals;

namespace CareStream.FhirApi.IntegrationTests.Observations;

public sealed class ObservationErrorTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenAnUnknownParameter_WhenLenient_ThenItIsIgnoredAndLeftOutOfSelf()
    {
        var patient = Seed.NewPatient();
        await api.Writer.WriteAsync([Seed.Reading(patient, Seed.NewDevice(), VitalSignKind.HeartRate, Seed.T0)], TestContext.Current.CancellationToken);

        var (status, bundle) = await api.GetAsync($"/fhir/Observation?patient={patient}&foo=bar&code=8867-4&_sort=value");

        Assert.Equal(200, status);
        Assert.Single(Bundles.Resources(bundle));
        var self = Bundles.Link(bundle, "self")!;
        Assert.DoesNotContain("foo", self, StringComparison.Ordinal);
        Assert.DoesNotContain("_sort", self, StringComparison.Ordinal);
        Assert.Contains("code=8867-4", self, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("foo=bar")]
    [InlineData("code:text=heart")]
    [InlineData("_sort=value")]
    public async Task GivenAnUnknownParameter_WhenStrict_ThenTheAnswerIs400OperationOutcome(string extra)
    {
        var (status, body) = await api.GetAsync($"/fhir/Observation?patient=p1&{extra}", prefer: "handling=strict");

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
    }

    [Theory]
    [InlineData("patient=1' OR '1'='1")]
    [InlineData("patient=p1&date=ge2020-01-01;DROP TABLE observation")]
    [InlineData("patient=p1&code=%00")]
    [InlineData("patient=p1&date=2026-13-45")]
    [InlineData("patient=p1&date=ap2026")]
    [InlineData("patient=p1&_count=-1")]
    [InlineData("patient=p1&_count=abc")]
    [InlineData("patient=p1&_cursor=zz")]
    [InlineData("patient=p1&_total=maybe")]
    [InlineData("patient=p1,p2")]
    [InlineData("patient=p1&subject=p2")]
    [InlineData("code=8867-4")]
    [InlineData("patient=p1&device=Device/x'y")]
    public async Task GivenAMalformedValue_WhenSearched_ThenTheAnswerIs400WithoutSqlText(string query)
    {
        var (status, body) = await api.GetAsync("/fhir/Observation?" + query.Replace(" ", "%20", StringComparison.Ordinal).Replace("'", "%27", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal));

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
        var text = body.GetRawText();
        Assert.DoesNotContain("syntax", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SELECT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenInjectionInTokensAndLongValues_WhenSearched_ThenResultsNeverWiden()
    {
        var patient = Seed.NewPatient();
        await api.Writer.WriteAsync([Seed.Reading(patient, Seed.NewDevice(), VitalSignKind.HeartRate, Seed.T0)], TestContext.Current.CancellationToken);

        var (injected, code) = await api.GetAsync($"/fhir/Observation?patient={patient}&code={Uri.EscapeDataString("x' OR '1'='1")}");
        var (longStatus, _) = await api.GetAsync($"/fhir/Observation?patient={patient}&code={new string('9', 10_000)}");
        var (confusable, status) = await api.GetAsync($"/fhir/Observation?patient={patient}&status={Uri.EscapeDataString("ﬁnal")}");

        Assert.Equal(200, injected);
        Assert.Empty(Bundles.Resources(code));
        Assert.Equal(400, longStatus);
        Assert.Equal(200, confusable);
        Assert.Empty(Bundles.Resources(status));
    }

    [Theory]
    [InlineData("/fhir/Observation/0123456789abcdef")]
    [InlineData("/fhir/Observation/not'an-id")]
    [InlineData("/fhir/Encounter")]
    [InlineData("/fhir/Encounter/1")]
    public async Task GivenAnUnknownResourceOrType_WhenRead_ThenTheAnswerIs404OperationOutcome(string path)
    {
        var (status, body) = await api.GetAsync(path);

        Assert.Equal(404, status);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
    }
}

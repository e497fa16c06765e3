using CareStream.Domain;
using CareStream.Domain.Registry;

namespace CareStream.FhirApi.IntegrationTests.Patients;

public sealed class PatientSearchTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private const string MrnSystem = "https://carestream.dev/fhir/sid/mrn";

    // Four synthetic patients sharing a family name unique to the test (so other tests' rows never match).
    private async Task<(string Family, PatientDemographics[] Patients)> SeedAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var family = $"Müller-Lüdenscheidt{tag}";
        PatientDemographics[] patients =
        [
            new(new PatientId($"p-{tag}-1"), $"MRN-{tag}-1", family, "José", new DateOnly(1950, 3, 15), "male"),
            new(new PatientId($"p-{tag}-2"), $"MRN-{tag}-2", family, "Anne Marie", new DateOnly(1950, 3, 16), "female"),
            new(new PatientId($"p-{tag}-3"), $"MRN-{tag}-3", family, "Zoë", new DateOnly(1961, 12, 31), "female"),
            new(new PatientId($"p-{tag}-4"), $"MRN-{tag}-4", family, "Bob", new DateOnly(1962, 1, 1), "male"),
        ];
        foreach (var patient in patients)
        {
            await api.Registry.UpsertPatientAsync(patient, TestContext.Current.CancellationToken);
        }

        return (family, patients);
    }

    [Theory]
    [InlineData("given=jose", new[] { 1 })]
    [InlineData("given=JOS", new[] { 1 })]
    [InlineData("given=zoe", new[] { 3 })]
    [InlineData("given=marie", new[] { 2 })]
    [InlineData("given=ose", new int[0])]
    [InlineData("given=jose,bob", new[] { 1, 4 })]
    [InlineData("name=anne&name=marie", new[] { 2 })]
    [InlineData("name=zoe&name=bob", new int[0])]
    [InlineData("name=zoë", new[] { 3 })]
    [InlineData("family=xyz", new int[0])]
    [InlineData("birthdate=1950-03-15", new[] { 1 })]
    [InlineData("birthdate=1950-03", new[] { 1, 2 })]
    [InlineData("birthdate=1950", new[] { 1, 2 })]
    [InlineData("birthdate=ne1950-03-15", new[] { 2, 3, 4 })]
    [InlineData("birthdate=gt1950-03-15", new[] { 2, 3, 4 })]
    [InlineData("birthdate=ge1950-03-16", new[] { 2, 3, 4 })]
    [InlineData("birthdate=lt1950-03-16", new[] { 1 })]
    [InlineData("birthdate=le1950-03-16", new[] { 1, 2 })]
    [InlineData("birthdate=sa1961", new[] { 4 })]
    [InlineData("birthdate=eb1962", new[] { 1, 2, 3 })]
    [InlineData("birthdate=ge1961-12-31&birthdate=lt1962-01-02", new[] { 3, 4 })]
    public async Task GivenPatientsOfOneFamily_WhenSearched_ThenExactlyTheMatchingOnesReturn(string query, int[] expected)
    {
        var (family, patients) = await SeedAsync();
        var familyTerm = Uri.EscapeDataString(family.ToUpperInvariant().Replace('Ü', 'U'));

        var (status, bundle) = await api.GetAsync($"/fhir/Patient?family={familyTerm}&{query}");

        Assert.Equal(200, status);
        Assert.Equal(expected.Select(i => patients[i - 1].Patient.Value), Bundles.Ids(bundle));
    }

    [Theory]
    [InlineData("{0}|{1}", true)]
    [InlineData("{1}", true)]
    [InlineData("https://other.example/mrn|{1}", false)]
    [InlineData("|{1}", false)]
    public async Task GivenAnMrn_WhenSearchedByIdentifier_ThenOnlyTheMrnSystemMatches(string token, bool found)
    {
        var (_, patients) = await SeedAsync();
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, token, MrnSystem, patients[2].MedicalRecordNumber);

        var (status, bundle) = await api.GetAsync($"/fhir/Patient?identifier={Uri.EscapeDataString(value)}");

        string[] expected = found ? [patients[2].Patient.Value] : [];
        Assert.Equal(200, status);
        Assert.Equal(expected, Bundles.Ids(bundle));
        if (found)
        {
            var identifier = Bundles.Resources(bundle)[0].GetProperty("identifier")[0];
            Assert.Equal(MrnSystem, identifier.GetProperty("system").GetString());
        }
    }

    [Fact]
    public async Task GivenFourMatches_WhenPagedByTwoForwardAndBack_ThenPreviousAndNextLinksMeetWithoutLossOrRepetition()
    {
        var (family, patients) = await SeedAsync();
        var ids = patients.Select(p => p.Patient.Value).ToArray();

        var (_, first) = await api.GetAsync($"/fhir/Patient?family={Uri.EscapeDataString(family)}&_count=2&_total=accurate");
        var (_, second) = await api.GetAsync(Bundles.PathOf(Bundles.Link(first, "next")!));
        var (_, back) = await api.GetAsync(Bundles.PathOf(Bundles.Link(second, "previous")!));
        var (_, summary) = await api.GetAsync($"/fhir/Patient?family={Uri.EscapeDataString(family)}&_summary=count");

        Assert.Equal(ids[..2], Bundles.Ids(first));
        Assert.Equal(4, first.GetProperty("total").GetInt32());
        Assert.Null(Bundles.Link(first, "previous"));
        Assert.Equal(ids[2..], Bundles.Ids(second));
        Assert.Null(Bundles.Link(second, "next"));
        Assert.Equal(ids[..2], Bundles.Ids(back));
        Assert.Null(Bundles.Link(back, "previous"));
        Assert.Equal(ids[2..], Bundles.Ids((await api.GetAsync(Bundles.PathOf(Bundles.Link(back, "next")!))).Body));
        Assert.Equal(4, summary.GetProperty("total").GetInt32());
        Assert.Empty(Bundles.Resources(summary));
    }

    [Theory]
    [InlineData("birthdate=1950-13-01")]
    [InlineData("birthdate=ap1950")]
    [InlineData("_count=-1")]
    [InlineData("_cursor=garbage")]
    [InlineData("_summary=text")]
    public async Task GivenAMalformedValue_WhenSearched_ThenTheAnswerIs400OperationOutcome(string query)
    {
        var (status, body) = await api.GetAsync($"/fhir/Patient?{query}");

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", body.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenAnUnknownParameter_WhenLenientOrStrict_ThenIgnoredAndLeftOutOfSelfOr400()
    {
        var (family, _) = await SeedAsync();

        var (lenient, bundle) = await api.GetAsync($"/fhir/Patient?family={Uri.EscapeDataString(family)}&foo=bar");
        var (strict, _) = await api.GetAsync($"/fhir/Patient?family={Uri.EscapeDataString(family)}&foo=bar", prefer: "handling=strict");

        Assert.Equal(200, lenient);
        Assert.Equal(4, Bundles.Resources(bundle).Length);
        Assert.DoesNotContain("foo", Bundles.Link(bundle, "self"), StringComparison.Ordinal);
        Assert.Contains("family=", Bundles.Link(bundle, "self"), StringComparison.Ordinal);
        Assert.Equal(400, strict);
    }
}

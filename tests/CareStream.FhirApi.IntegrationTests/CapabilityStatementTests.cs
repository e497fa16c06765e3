namespace CareStream.FhirApi.IntegrationTests;

public sealed class CapabilityStatementTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static readonly Dictionary<string, string> Samples = new(StringComparer.Ordinal)
    {
        ["patient"] = "p1", ["subject"] = "Patient/p1", ["code"] = "8867-4", ["category"] = "vital-signs", ["date"] = "ge2026-01-01",
        ["status"] = "final", ["device"] = "Device/d1", ["_count"] = "10", ["_sort"] = "date", ["_summary"] = "count", ["_total"] = "accurate",
    };

    [Fact]
    public async Task GivenTheCapabilityStatement_WhenEveryObservationSearchParameterIsSentStrictly_ThenEachIsAccepted()
    {
        var (_, metadata) = await api.GetAsync("/fhir/metadata");
        var observation = Resource(metadata, "Observation");

        var names = observation.GetProperty("searchParam").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        foreach (var name in names)
        {
            var (status, body) = await api.GetAsync($"/fhir/Observation?patient=p1&{name}={Uri.EscapeDataString(Samples[name])}", prefer: "handling=strict");
            Assert.True(status == 200, $"{name}: {status} {body}");
        }

        Assert.Equal(Samples.Keys.Order(), names.Order());
    }

    [Theory]
    [InlineData("Patient", "identifier=MRN-1|name=ana|family=rivera|given=ana|birthdate=ge1980|_count=10|_summary=count|_total=accurate")]
    [InlineData("Location", "partof=Location/ward-icu|name=bed|_count=10")]
    [InlineData("Device", "identifier=mon-1|location=Location/bed-icu-01|_count=10")]
    public async Task GivenTheCapabilityStatement_WhenEveryRegistrySearchParameterIsSentStrictly_ThenEachIsAccepted(string type, string samples)
    {
        var (_, metadata) = await api.GetAsync("/fhir/metadata");
        var sampleValues = samples.Split('|').Select(s => s.Split('=', 2)).ToDictionary(s => s[0], s => s[1], StringComparer.Ordinal);

        var names = Resource(metadata, type).GetProperty("searchParam").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToArray();
        foreach (var name in names)
        {
            var (status, body) = await api.GetAsync($"/fhir/{type}?{name}={Uri.EscapeDataString(sampleValues[name])}", prefer: "handling=strict");
            Assert.True(status == 200, $"{type} {name}: {status} {body}");
        }

        Assert.Equal(sampleValues.Keys.Order(), names.Order());
    }

    [Fact]
    public async Task GivenTheServedRoutes_WhenComparedWithTheCapabilityStatement_ThenEveryRouteIsListed()
    {
        var (_, metadata) = await api.GetAsync("/fhir/metadata");

        foreach (var route in api.Routes.Where(r => r.StartsWith("/fhir/", StringComparison.Ordinal) && r != "/fhir/metadata" && !r.Contains('*', StringComparison.Ordinal)))
        {
            var segments = route["/fhir/".Length..].Split('/');
            var resource = Resource(metadata, segments[0]);
            var interactions = resource.GetProperty("interaction").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToArray();
            switch (segments)
            {
                case [_]:
                    Assert.Contains("search-type", interactions);
                    break;
                case [_, "{id}"]:
                    Assert.Contains("read", interactions);
                    break;
                case [_, "{id}", "_history"]:
                    Assert.Contains("history-instance", interactions);
                    break;
                case [_, "{id}", "_history", "{vid}"]:
                    Assert.Contains("vread", interactions);
                    break;
                case [_, "{id}", var operation] when operation.StartsWith('$'):
                    Assert.Contains(resource.GetProperty("operation").EnumerateArray(), o => o.GetProperty("name").GetString() == operation[1..]);
                    break;
                case [_, var operation] when operation.StartsWith('$'):
                    Assert.Contains(resource.GetProperty("operation").EnumerateArray(), o => o.GetProperty("name").GetString() == operation[1..]);
                    break;
                default:
                    Assert.Fail($"Route {route} is not described by the CapabilityStatement.");
                    break;
            }
        }
    }

    private static System.Text.Json.JsonElement Resource(System.Text.Json.JsonElement metadata, string type) =>
        metadata.GetProperty("rest")[0].GetProperty("resource").EnumerateArray().Single(r => r.GetProperty("type").GetString() == type);
}

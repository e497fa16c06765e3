using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.FhirApi.IntegrationTests.Observations;

/// <summary>Verification (issue 4): status changes by PUT or JSON Patch make versions visible through read, vread and _history.</summary>
public sealed class ObservationVerificationTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GivenAPreliminaryReading_WhenPutAsFinalWithIfMatch_ThenVersion2IsCurrentAndHistoryKeepsVersion1()
    {
        var reading = await SeedAsync(Seed.T0.AddMinutes(1));
        var (_, read) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}");
        var body = JsonNode.Parse(read.GetRawText())!.AsObject();
        body["status"] = "final";

        using var put = await SendAsync(HttpMethod.Put, reading.ObservationId, body.ToJsonString(), "application/fhir+json", "W/\"1\"");
        using var again = await api.Http.GetAsync(new Uri($"/fhir/Observation/{reading.ObservationId}", UriKind.Relative), Ct);
        var (historyStatus, history) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}/_history");
        var (_, version1) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}/_history/1");
        var (missingStatus, _) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}/_history/3");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("W/\"2\"", put.Headers.ETag?.ToString());
        Assert.Equal("W/\"2\"", again.Headers.ETag?.ToString());
        var current = await FhirApiFixture.ReadAsync(again);
        Assert.Equal("final", current.GetProperty("status").GetString());
        Assert.Equal("2", current.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal(200, historyStatus);
        Assert.Equal("history", history.GetProperty("type").GetString());
        Assert.Equal(["2", "1"], Bundles.Resources(history).Select(r => r.GetProperty("meta").GetProperty("versionId").GetString()));
        Assert.Equal(["final", "preliminary"], Bundles.Resources(history).Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("preliminary", version1.GetProperty("status").GetString());
        Assert.Equal("1", version1.GetProperty("meta").GetProperty("versionId").GetString());
        Assert.Equal(404, missingStatus);
    }

    [Fact]
    public async Task GivenAStaleIfMatch_WhenPatched_ThenPreconditionFailedAndNothingChanges()
    {
        var reading = await SeedAsync(Seed.T0.AddMinutes(2));
        using var first = await PatchStatusAsync(reading.ObservationId, "final", "W/\"1\"");

        using var stale = await SendAsync(HttpMethod.Patch, reading.ObservationId,
            """[{"op":"replace","path":"/status","value":"entered-in-error"},{"op":"add","path":"/note","value":[{"text":"probe off"}]}]""",
            "application/json-patch+json", "W/\"1\"");
        var (_, current) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("OperationOutcome", (await FhirApiFixture.ReadAsync(stale)).GetProperty("resourceType").GetString());
        Assert.Equal("final", current.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("valueQuantity", "value", 99)]
    [InlineData("effectiveDateTime", null, "2026-11-25T10:00:03+00:00")]
    public async Task GivenAPutThatChangesMoreThanStatus_WhenSent_Then422AndNothingChanges(string property, string? member, object value)
    {
        var reading = await SeedAsync(Seed.T0.AddMinutes(3));
        var (_, read) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}");
        var body = JsonNode.Parse(read.GetRawText())!.AsObject();
        body["status"] = "final";
        var node = JsonValue.Create(JsonSerializer.SerializeToElement(value));
        if (member is null)
        {
            body[property] = node;
        }
        else
        {
            body[property]![member] = node;
        }

        using var put = await SendAsync(HttpMethod.Put, reading.ObservationId, body.ToJsonString(), "application/fhir+json");
        var (_, current) = await api.GetAsync($"/fhir/Observation/{reading.ObservationId}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Equal("preliminary", current.GetProperty("status").GetString());
        Assert.Equal("1", current.GetProperty("meta").GetProperty("versionId").GetString());
    }

    [Theory]
    [InlineData("""[{"op":"replace","path":"/status","value":"entered-in-error"}]""", 422)] // no reason
    [InlineData("""[{"op":"replace","path":"/valueQuantity/value","value":1}]""", 422)]
    [InlineData("""[{"op":"replace","path":"/status","value":"amended"}]""", 422)]
    [InlineData("""[{"op":"replace","path":"/status","value":"bogus"}]""", 400)]
    [InlineData("""{"op":"replace"}""", 400)]
    public async Task GivenAnInvalidPatch_WhenSent_ThenRefusedWithOperationOutcome(string patch, int expected)
    {
        var reading = await SeedAsync(Seed.T0.AddMinutes(4));

        using var response = await SendAsync(HttpMethod.Patch, reading.ObservationId, patch, "application/json-patch+json");

        Assert.Equal(expected, (int)response.StatusCode);
        Assert.Equal("OperationOutcome", (await FhirApiFixture.ReadAsync(response)).GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task GivenTheNewestHeartRateEnteredInError_WhenLastnIsAsked_ThenTheOlderReadingIsReturnedUnlessStatusAsks()
    {
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        var older = Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddMinutes(10), value: 71);
        var newer = Seed.Reading(patient, device, VitalSignKind.HeartRate, Seed.T0.AddMinutes(10).AddSeconds(5), value: 180);
        await api.Writer.WriteAsync([older, newer], Ct);
        var queries = api.Database.Services.GetRequiredService<ObservationQueries>();
        var trendBefore = await queries.TrendAsync(patient, VitalSignKind.HeartRate, Seed.T0, Seed.T0.AddHours(1), Ct);

        using var patch = await SendAsync(HttpMethod.Patch, newer.ObservationId,
            """[{"op":"replace","path":"/status","value":"entered-in-error"},{"op":"add","path":"/note/-","value":{"text":"lead artefact"}}]""",
            "application/json-patch+json", "W/\"1\"");
        var (_, lastn) = await api.GetAsync($"/fhir/Observation/$lastn?patient={patient}&code=8867-4");
        var (_, withError) = await api.GetAsync($"/fhir/Observation/$lastn?patient={patient}&code=8867-4&status=entered-in-error");
        var (_, current) = await api.GetAsync($"/fhir/Observation/{newer.ObservationId}");
        using var repeat = await SendAsync(HttpMethod.Patch, newer.ObservationId,
            """[{"op":"replace","path":"/status","value":"final"}]""", "application/json-patch+json");
        var trendAfter = await queries.TrendAsync(patient, VitalSignKind.HeartRate, Seed.T0, Seed.T0.AddHours(1), Ct);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(older.ObservationId, Assert.Single(Bundles.Resources(lastn)).GetProperty("id").GetString());
        Assert.Equal(newer.ObservationId, Assert.Single(Bundles.Resources(withError)).GetProperty("id").GetString());
        Assert.Equal("entered-in-error", current.GetProperty("status").GetString());
        Assert.Equal("lead artefact", current.GetProperty("note")[0].GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, repeat.StatusCode); // entered-in-error is final
        Assert.Equal((2, 180.0), (Assert.Single(trendBefore).Count, Assert.Single(trendBefore).Max));
        Assert.Equal((1, 71.0), (Assert.Single(trendAfter).Count, Assert.Single(trendAfter).Max));
    }

    [Fact]
    public async Task GivenABloodPressurePanel_WhenVerifiedFinal_ThenEveryComponentCarriesTheNewStatus()
    {
        var patient = Seed.NewPatient();
        var panel = Seed.Panel(patient, Seed.NewDevice(), Seed.T0.AddMinutes(20), ObservationStatus.Preliminary);
        await api.Writer.WriteAsync(panel, Ct);

        using var patch = await PatchStatusAsync(panel[0].ObservationId, "final", "W/\"1\"");
        var (_, search) = await api.GetAsync($"/fhir/Observation?patient={patient}&status=final");

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(3, (await FhirApiFixture.ReadAsync(patch)).GetProperty("component").GetArrayLength());
        Assert.Equal(panel[0].ObservationId, Assert.Single(Bundles.Resources(search)).GetProperty("id").GetString());
    }

    [Fact]
    public async Task GivenAnUnknownIdOrMediaType_WhenUpdated_ThenNotFoundOrUnsupported()
    {
        var reading = await SeedAsync(Seed.T0.AddMinutes(5));

        using var unknown = await PatchStatusAsync("00000000deadbeef", "final", null);
        using var text = await SendAsync(HttpMethod.Put, reading.ObservationId, "status=final", "text/plain");
        var (historyStatus, _) = await api.GetAsync("/fhir/Observation/00000000deadbeef/_history");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(404, historyStatus);
    }

    private async Task<VitalSignReading> SeedAsync(DateTimeOffset at)
    {
        var reading = Seed.Reading(Seed.NewPatient(), Seed.NewDevice(), VitalSignKind.HeartRate, at);
        await api.Writer.WriteAsync([reading], Ct);
        return reading;
    }

    private Task<HttpResponseMessage> PatchStatusAsync(string id, string status, string? ifMatch) =>
        SendAsync(HttpMethod.Patch, id, $$"""[{"op":"replace","path":"/status","value":"{{status}}"}]""", "application/json-patch+json", ifMatch);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string id, string body, string mediaType, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri($"/fhir/Observation/{id}", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await api.Http.SendAsync(request, Ct);
    }
}

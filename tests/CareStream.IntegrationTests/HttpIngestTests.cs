using System.Net;
using System.Text;

namespace CareStream.IntegrationTests;

/// <summary>
/// The HTTP ingest adapter through the real host: valid readings are accepted (202) and stored; invalid ones get
/// the right 4xx with an OperationOutcome naming the problem; batch Bundles answer per entry; transactions are
/// all or nothing.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class HttpIngestTests(IngestHost host) : IClassFixture<IngestHost>
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenAValidObservation_WhenPosted_ThenAcceptedAndStoredForThePatientInTheBed()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.AssociateAsync("http-dev-valid", "http-pat-valid", "http-bed-valid");

        using var response = await host.PostFhirAsync("/fhir/Observation", IngestHost.Observation("http-dev-valid", IngestHost.Morning, 81));
        var outcome = await IngestHost.JsonAsync(response);
        var stored = await FhirClient.WaitForObservationsAsync(host.Http, "http-pat-valid", 1, StoreTimeout, ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal("information", outcome.GetProperty("issue")[0].GetProperty("severity").GetString());
        var observation = Assert.Single(stored);
        Assert.Equal(81, observation.GetProperty("valueQuantity").GetProperty("value").GetDouble());
        Assert.Equal("Device/http-dev-valid", observation.GetProperty("device").GetProperty("reference").GetString());
    }

    [Theory]
    [InlineData("non-UCUM unit mmHg", HttpStatusCode.UnprocessableEntity, "InvalidUnit")]
    [InlineData("heart rate 400", HttpStatusCode.UnprocessableEntity, "ImplausibleValue")]
    [InlineData("heart rate -5", HttpStatusCode.UnprocessableEntity, "ImplausibleValue")]
    [InlineData("unknown LOINC", HttpStatusCode.UnprocessableEntity, "UnknownCode")]
    [InlineData("malformed JSON", HttpStatusCode.BadRequest, "MalformedJson")]
    [InlineData("nesting depth 10000", HttpStatusCode.BadRequest, "MalformedJson")]
    [InlineData("duplicate keys", HttpStatusCode.BadRequest, "MalformedJson")]
    [InlineData("XML with a DTD", HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType")]
    [InlineData("2 MB body", HttpStatusCode.RequestEntityTooLarge, "MessageTooLarge")]
    [InlineData("script in narrative", HttpStatusCode.UnprocessableEntity, "UnsafeNarrative")]
    [InlineData("javascript href in narrative", HttpStatusCode.UnprocessableEntity, "UnsafeNarrative")]
    [InlineData("a Bundle", HttpStatusCode.UnprocessableEntity, "UnsupportedResourceType")]
    public async Task GivenAnInvalidBody_WhenPostedAsAnObservation_ThenRefusedWithAnOperationOutcomeNamingTheProblem(
        string invalid, HttpStatusCode expectedStatus, string expectedCode)
    {
        var (body, mediaType) = InvalidBody(invalid);

        using var response = await host.PostFhirAsync("/fhir/Observation", body, mediaType);
        var outcome = await IngestHost.JsonAsync(response);

        Assert.Equal(expectedStatus, response.StatusCode);
        Assert.StartsWith("application/fhir+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Contains(expectedCode, IngestHost.IssueCodes(outcome));
        Assert.False(string.IsNullOrWhiteSpace(outcome.GetProperty("issue")[0].GetProperty("diagnostics").GetString()));
        Assert.DoesNotContain("/etc/passwd", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenABatchWithOneBadEntry_WhenPosted_ThenEachEntryHasItsOutcomeAndTheGoodOnesAreStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.AssociateAsync("http-dev-batch", "http-pat-batch", "http-bed-batch");
        var batch = IngestHost.Bundle("batch",
        [
            IngestHost.Observation("http-dev-batch", IngestHost.Morning, 70),
            IngestHost.Observation("http-dev-batch", IngestHost.Morning.AddMinutes(1), 400),
            IngestHost.Observation("http-dev-batch", IngestHost.Morning.AddMinutes(2), bloodPressure: true),
        ]);

        using var response = await host.PostFhirAsync("/fhir", batch);
        var bundle = await IngestHost.JsonAsync(response);
        var stored = await FhirClient.WaitForObservationsAsync(host.Http, "http-pat-batch", 2, StoreTimeout, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("batch-response", bundle.GetProperty("type").GetString());
        var entries = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("response")).ToArray();
        Assert.Equal(["202 Accepted", "422 Unprocessable Entity", "202 Accepted"], entries.Select(e => e.GetProperty("status").GetString()));
        var refusal = entries[1].GetProperty("outcome");
        Assert.Equal(["ImplausibleValue"], IngestHost.IssueCodes(refusal));
        Assert.Equal("Bundle.entry[1]", refusal.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        Assert.Equal(2, stored.Length);
        Assert.DoesNotContain(stored, o => o.TryGetProperty("valueQuantity", out var q) && q.GetProperty("value").GetDouble() == 400);
    }

    [Fact]
    public async Task GivenATransactionWithOneBadEntry_WhenPosted_Then422AndNothingIsStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.AssociateAsync("http-dev-tx", "http-pat-tx", "http-bed-tx");
        var transaction = IngestHost.Bundle("transaction",
        [
            IngestHost.Observation("http-dev-tx", IngestHost.Morning, 70),
            IngestHost.Observation("http-dev-tx", IngestHost.Morning.AddMinutes(1), 71).Replace("\"/min\"", "\"bpm\"", StringComparison.Ordinal),
        ]);
        var marker = IngestHost.Observation("http-dev-tx", IngestHost.Morning.AddMinutes(5), 99);

        using var response = await host.PostFhirAsync("/fhir", transaction);
        var outcome = await IngestHost.JsonAsync(response);
        // The marker follows on the same device key (same partition): once it is stored, the transaction would be too.
        using var markerResponse = await host.PostFhirAsync("/fhir/Observation", marker);
        var stored = await FhirClient.WaitForObservationsAsync(host.Http, "http-pat-tx", 1, StoreTimeout, ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal(["InvalidUnit"], IngestHost.IssueCodes(outcome));
        Assert.Equal("Bundle.entry[1]", outcome.GetProperty("issue")[0].GetProperty("expression")[0].GetString());
        Assert.Equal(HttpStatusCode.Accepted, markerResponse.StatusCode);
        var only = Assert.Single(stored);
        Assert.Equal(99, only.GetProperty("valueQuantity").GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task GivenAValidTransaction_WhenPosted_ThenEveryEntryIsAcceptedAndStored()
    {
        var ct = TestContext.Current.CancellationToken;
        await host.AssociateAsync("http-dev-tx-ok", "http-pat-tx-ok", "http-bed-tx-ok");
        var transaction = IngestHost.Bundle("transaction",
            [.. Enumerable.Range(0, 3).Select(m => IngestHost.Observation("http-dev-tx-ok", IngestHost.Morning.AddMinutes(m), 60 + m))]);

        using var response = await host.PostFhirAsync("/fhir", transaction, "application/json");
        var bundle = await IngestHost.JsonAsync(response);
        var stored = await FhirClient.WaitForObservationsAsync(host.Http, "http-pat-tx-ok", 3, StoreTimeout, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("transaction-response", bundle.GetProperty("type").GetString());
        Assert.All(bundle.GetProperty("entry").EnumerateArray(), e => Assert.Equal("202 Accepted", e.GetProperty("response").GetProperty("status").GetString()));
        Assert.Equal(3, stored.Length);
    }

    private static (string Body, string MediaType) InvalidBody(string invalid)
    {
        var heartRate = IngestHost.Observation("http-dev-invalid", IngestHost.Morning);
        return invalid switch
        {
            "non-UCUM unit mmHg" => (IngestHost.Observation("http-dev-invalid", IngestHost.Morning, bloodPressure: true)
                .Replace("mm[Hg]", "mmHg", StringComparison.Ordinal), "application/fhir+json"),
            "heart rate 400" => (IngestHost.Observation("http-dev-invalid", IngestHost.Morning, 400), "application/fhir+json"),
            "heart rate -5" => (IngestHost.Observation("http-dev-invalid", IngestHost.Morning, -5), "application/fhir+json"),
            "unknown LOINC" => (heartRate.Replace("8867-4", "99999-9", StringComparison.Ordinal), "application/fhir+json"),
            "malformed JSON" => (heartRate[..^5], "application/fhir+json"),
            "nesting depth 10000" => (new string('[', 10_000) + new string(']', 10_000), "application/fhir+json"),
            "duplicate keys" => (heartRate.Replace("{\"resourceType\":\"Observation\"", "{\"resourceType\":\"Observation\",\"status\":\"final\"", StringComparison.Ordinal), "application/fhir+json"),
            "XML with a DTD" => ("""<?xml version="1.0"?><!DOCTYPE o [<!ENTITY x SYSTEM "file:///etc/passwd">]><Observation xmlns="http://hl7.org/fhir"><status value="&x;"/></Observation>""", "application/fhir+xml"),
            "2 MB body" => (heartRate.Insert(1, $"\"padding\":\"{new string('x', 2 * 1024 * 1024)}\","), "application/fhir+json"),
            "script in narrative" => (WithNarrative(heartRate, "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><script>alert(1)</script></div>"), "application/fhir+json"),
            "javascript href in narrative" => (WithNarrative(heartRate, "<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><a href=\\\"javascript:alert(1)\\\">x</a></div>"), "application/fhir+json"),
            "a Bundle" => (IngestHost.Bundle("batch", [heartRate]), "application/fhir+json"),
            _ => throw new ArgumentOutOfRangeException(nameof(invalid), invalid, "No such case."),
        };
    }

    private static string WithNarrative(string observation, string div) =>
        new StringBuilder(observation).Insert(1, $"\"text\":{{\"status\":\"generated\",\"div\":\"{div}\"}},").ToString();
}

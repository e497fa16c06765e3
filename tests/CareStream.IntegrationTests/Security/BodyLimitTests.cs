using System.Net;
using System.Text;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// B1 on the routes that had no limit of their own: the registry (ADT) API binds JSON with minimal APIs and took
/// Kestrel's 30 MB default and System.Text.Json's depth 64. Now every POST/PUT/PATCH is capped at
/// <c>Security:MaxRequestBodyBytes</c> (1 MiB) and bound JSON at <c>Security:MaxJsonDepth</c> (32); FHIR endpoints keep
/// answering their own OperationOutcome.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class BodyLimitTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Beds = "/api/adt/beds";
    private const int TwoMebibytes = 2 * 1024 * 1024;

    [Fact]
    public async Task GivenBodiesOverOneMebibyte_WhenPostedToTheRegistry_Then413AndTheNextRequestIsServed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HardeningHost.StartAsync(kafka, postgres.ConnectionString, "ingest,api");
        var http = host.Client(host.Tokens.Administrator());
        var bigBed = Bed("sec-big", new string('x', TwoMebibytes));

        using var adt = await http.PostAsync(new Uri(Beds, UriKind.Relative), Json(bigBed), ct);
        using var chunked = await http.PostAsync(new Uri(Beds, UriKind.Relative), Chunked(bigBed), ct);
        using var next = await http.PostAsync(new Uri(Beds, UriKind.Relative), Json(Bed("sec-small", "Bed 1")), ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, adt.StatusCode);
        Assert.Equal("application/problem+json", adt.Content.Headers.ContentType?.MediaType);
        Assert.True(chunked.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"chunked: {chunked.StatusCode}");
        Assert.Equal(HttpStatusCode.Accepted, next.StatusCode);
    }

    [Fact]
    public async Task GivenARegistryBodyNested40Deep_WhenPosted_Then400AndTheSameCommandNested10DeepIsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await HardeningHost.StartAsync(kafka, postgres.ConnectionString, "ingest,api");
        var http = host.Client(host.Tokens.Administrator());

        using var deep = await http.PostAsync(new Uri(Beds, UriKind.Relative), Json(Bed("sec-deep", "Bed 2", depth: 40)), ct);
        using var shallow = await http.PostAsync(new Uri(Beds, UriKind.Relative), Json(Bed("sec-shallow", "Bed 3", depth: 10)), ct);

        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, shallow.StatusCode);
    }

    /// <summary>A valid bed registration; <paramref name="depth"/> adds an ignored property nested that deep.</summary>
    private static string Bed(string bedId, string label, int depth = 0) =>
        $"{{\"wardId\":\"ward-sec\",\"wardName\":\"Security ward\",\"bedId\":\"{bedId}\",\"label\":\"{label}\""
        + (depth > 1 ? $",\"note\":{new string('[', depth - 1)}{new string(']', depth - 1)}" : "") + "}";

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StreamContent Chunked(string body)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content; // no Content-Length: sent chunked, so only Kestrel's limit can stop it
    }
}

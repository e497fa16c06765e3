using System.Net;
using System.Net.WebSockets;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A11: a page on <c>evil.example</c> gets no CORS grant and cannot negotiate with or open the ward hub; the
/// dashboard's own origin and a configured allowed origin can. Every response carries the security headers.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class OriginAndHeadersTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Evil = "https://evil.example";
    private const string WardDisplay = "https://ward-display.example";
    private const string Negotiate = "/hubs/ward/negotiate?negotiateVersion=1";

    [Fact]
    public async Task GivenOriginEvilExample_WhenItCallsTheApiAndTheHub_ThenNoCorsIsGrantedAndTheHubRefusesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync();
        var http = host.Client(host.Tokens.Nurse());

        using var get = await SendAsync(http, HttpMethod.Get, "/fhir/metadata", Evil, ct);
        using var preflight = await PreflightAsync(http, "/fhir/Observation", Evil, ct);
        using var negotiate = await SendAsync(http, HttpMethod.Post, Negotiate, Evil, ct);
        var upgrade = await ConnectWebSocketAsync(host, Evil, ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.False(get.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Methods"));
        Assert.Equal(HttpStatusCode.Forbidden, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, upgrade);
    }

    [Fact]
    public async Task GivenTheHostsOwnOriginOrAnAllowedOne_WhenItCallsTheApiAndTheHub_ThenTheHubAcceptsAndOnlyTheAllowedOriginGetsCors()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync();
        var http = host.Client(host.Tokens.Nurse());

        using var sameOrigin = await SendAsync(http, HttpMethod.Post, Negotiate, host.Origin, ct);
        var sameOriginUpgrade = await ConnectWebSocketAsync(host, host.Origin, ct);
        using var allowedPreflight = await PreflightAsync(http, "/fhir/Observation", WardDisplay, ct);
        using var allowedNegotiate = await SendAsync(http, HttpMethod.Post, Negotiate, WardDisplay, ct);
        using var noOrigin = await SendAsync(http, HttpMethod.Post, Negotiate, origin: null, ct);

        Assert.Equal(HttpStatusCode.OK, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.SwitchingProtocols, sameOriginUpgrade);
        Assert.Equal(WardDisplay, Assert.Single(allowedPreflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.OK, allowedNegotiate.StatusCode);
        Assert.Equal(HttpStatusCode.OK, noOrigin.StatusCode);
    }

    [Fact]
    public async Task GivenAnyPath_WhenRequested_ThenTheResponseCarriesTheSecurityHeadersAndPatientDataIsNotCached()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await StartAsync();
        var http = host.Client(host.Tokens.Nurse());
        (string Path, bool PatientData)[] paths = [("/", false), ("/fhir/metadata", true), ("/api/system", true), ("/healthz/live", false), ("/no-such-path", false)];

        var responses = new List<(string Path, bool PatientData, HttpResponseMessage Response)>();
        foreach (var (path, patientData) in paths)
        {
            responses.Add((path, patientData, await http.GetAsync(new Uri(path, UriKind.Relative), ct)));
        }

        Assert.All(responses, r =>
        {
            Assert.Equal("nosniff", Header(r.Response, "X-Content-Type-Options"));
            Assert.Equal("no-referrer", Header(r.Response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(r.Response, "X-Frame-Options"));
            var csp = Header(r.Response, "Content-Security-Policy") ?? "";
            Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.False(r.Response.Headers.Contains("Strict-Transport-Security"), "HSTS over plain HTTP");
            Assert.True(!r.PatientData || r.Response.Headers.CacheControl?.NoStore == true, $"{r.Path}: Cache-Control {r.Response.Headers.CacheControl}");
        });
        foreach (var (_, _, response) in responses)
        {
            response.Dispose();
        }
    }

    private Task<HardeningHost> StartAsync() =>
        HardeningHost.StartAsync(kafka, postgres.ConnectionString, "api,live", new Dictionary<string, string>
        {
            ["Security:AllowedOrigins:0"] = WardDisplay,
        });

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? origin, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await http.SendAsync(request, ct);
    }

    private static async Task<HttpResponseMessage> PreflightAsync(HttpClient http, string path, string origin, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "GET");
        request.Headers.Add("Access-Control-Request-Headers", "authorization");
        return await http.SendAsync(request, ct);
    }

    /// <summary>A browser-style WebSocket upgrade of the hub (token in the query, as browsers must); the status it got.</summary>
    private static async Task<HttpStatusCode> ConnectWebSocketAsync(HardeningHost host, string origin, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", origin);
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(new Uri(host.BaseAddress, "/hubs/ward")) { Scheme = "ws", Query = "access_token=" + host.Tokens.Nurse() }.Uri;
        try
        {
            await socket.ConnectAsync(uri, ct);
            return socket.HttpStatusCode;
        }
        catch (WebSocketException)
        {
            return socket.HttpStatusCode;
        }
    }
}

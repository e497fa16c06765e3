using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CareStream.Host;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A1: every endpoint of the real host, read from its own route table (<c>/api/system/endpoints</c>), answers 401
/// without a token, except discovery, login, health and the dashboard's static page, which are exactly the open ones.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed partial class EndpointAccessTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    /// <summary>The only routes open without a token (docs/security-plan.md section 0).</summary>
    private static readonly string[] OpenRoutes =
    [
        "/", "/.well-known/smart-configuration", "/account/login", "/connect/authorize", "/connect/token",
        "/dashboard/{**path}", "/fhir/metadata", "/healthz/live", "/healthz/ready",
    ];

    [Fact]
    public async Task GivenTheRouteTable_WhenEveryEndpointIsCalledWithoutAToken_ThenOnlyTheOpenOnesAnswerWithout401()
    {
        var ct = TestContext.Current.CancellationToken;
        using var admin = host.Process.CreateClient();
        var endpoints = await admin.GetFromJsonAsync<EndpointEntry[]>(new Uri(EndpointCatalog.Path, UriKind.Relative), ct);
        using var anonymous = host.Anonymous();

        var closedButOpen = new List<string>();
        var openButClosed = new List<string>();
        foreach (var endpoint in endpoints!)
        {
            foreach (var method in endpoint.Methods.Count == 0 ? ["GET"] : endpoint.Methods)
            {
                using var response = await anonymous.SendAsync(Probe(method, endpoint.Pattern), ct);
                var refused = response.StatusCode == HttpStatusCode.Unauthorized;
                if (endpoint.Anonymous == refused || response.StatusCode == HttpStatusCode.Forbidden)
                {
                    (endpoint.Anonymous ? openButClosed : closedButOpen).Add($"{method} {endpoint.Pattern} -> {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(endpoints.Length >= 40, $"only {endpoints.Length} endpoints listed");
        Assert.Empty(closedButOpen);
        Assert.Empty(openButClosed);
        Assert.Equal(OpenRoutes, endpoints.Where(e => e.Anonymous).Select(e => e.Pattern).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks")]
    [InlineData("/.well-known/smart-configuration")]
    [InlineData("/fhir/metadata")]
    [InlineData("/healthz/live")]
    [InlineData("/")]
    public async Task GivenNoToken_WhenDiscoveryHealthOrThePageIsRequested_ThenItIsServed(string path)
    {
        using var anonymous = host.Anonymous();

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/no-such-route")]
    [InlineData("/fhir/Encounter")]
    [InlineData("/api/system")]
    [InlineData("/api/system/endpoints")]
    public async Task GivenNoToken_WhenAnUnlistedOrAdminPathIsRequested_Then401WithABearerChallenge(string path)
    {
        using var anonymous = host.Anonymous();

        using var response = await anonymous.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    /// <summary>A request for <paramref name="pattern"/> with every route parameter filled in, and an empty JSON body.</summary>
    private static HttpRequestMessage Probe(string method, string pattern)
    {
        var path = RouteParameter().Replace(pattern, "probe-1");
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return request;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();
}

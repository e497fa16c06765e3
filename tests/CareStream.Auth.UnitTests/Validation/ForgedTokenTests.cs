using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Auth.UnitTests.Validation;

/// <summary>Guide S2 / A2 and S12 / A6 against a host that uses exactly <c>AddCareStreamAuthentication()</c>.</summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private TestApiHost? _host;

    private TestApiHost Host => _host!;

    private static readonly string[] Kinds =
    [
        "expired", "not-yet-valid", "wrong-audience", "wrong-issuer", "alg-none", "hs256-with-public-key",
        "unknown-kid", "known-kid-wrong-key", "truncated", "garbage", "no-expiry",
    ];

    public static TheoryData<string> ForgedKinds => new(Kinds);

    public async ValueTask InitializeAsync() => _host = await TestApiHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    [Theory]
    [MemberData(nameof(ForgedKinds))]
    public async Task GivenForgedToken_WhenCallingProtectedEndpoint_Then401WithBearerChallenge(string kind)
    {
        var token = Forge(kind);

        using var response = await GetAsync("/fhir/Observation", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task GivenEveryForgedKind_WhenSentTenTimesEach_ThenZeroAccepted()
    {
        var accepted = 0;

        foreach (var kind in Kinds)
        {
            for (var i = 0; i < 10; i++)
            {
                using var response = await GetAsync("/fhir/Observation", Forge(kind));
                accepted += response.IsSuccessStatusCode ? 1 : 0;
            }
        }

        Assert.Equal(0, accepted);
    }

    [Fact]
    public async Task GivenValidToken_WhenCallingProtectedEndpoint_ThenAcceptedWithSubject()
    {
        var token = TokenForge.Mint(Host.Keys.SigningKey);

        using var response = await GetAsync("/fhir/Observation", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("usr-test", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GivenNoToken_WhenCallingProtectedEndpoint_Then401()
    {
        using var response = await GetAsync("/fhir/Observation", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task GivenValidTokenInQueryString_WhenPathIsNotHub_ThenIgnored()
    {
        var token = TokenForge.Mint(Host.Keys.SigningKey);

        using var response = await Host.Client.GetAsync($"/fhir/Observation?access_token={token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GivenValidTokenInQueryString_WhenPathIsHub_ThenAccepted()
    {
        var token = TokenForge.Mint(Host.Keys.SigningKey);

        using var response = await Host.Client.GetAsync($"/hubs/ward/negotiate?access_token={token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GivenForgedTokenInQueryString_WhenPathIsHub_Then401()
    {
        var token = Forge("hs256-with-public-key");

        using var response = await Host.Client.GetAsync($"/hubs/ward/negotiate?access_token={token}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("nurse", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task GivenRole_WhenCallingAdminEndpoint_ThenOnlyAdministratorAllowed(string role, HttpStatusCode expected)
    {
        var token = TokenForge.Mint(Host.Keys.SigningKey, role: role);

        using var response = await GetAsync("/admin/rules", token);

        Assert.Equal(expected, response.StatusCode);
    }

    private string Forge(string kind)
    {
        var key = Host.Keys.SigningKey;
        var now = DateTime.UtcNow;
        return kind switch
        {
            "expired" => TokenForge.Mint(key, notBefore: now.AddMinutes(-20), expires: now.AddMinutes(-2)),
            "not-yet-valid" => TokenForge.Mint(key, notBefore: now.AddMinutes(5), expires: now.AddMinutes(20)),
            "wrong-audience" => TokenForge.Mint(key, audience: "some-other-api"),
            "wrong-issuer" => TokenForge.Mint(key, issuer: "https://evil.example/"),
            "alg-none" => TokenForge.Unsigned(key.KeyId),
            "hs256-with-public-key" => TokenForge.HmacWithPublicKey(Host.Keys.PublicSigningKey),
            "unknown-kid" => TokenForge.Mint(TokenForge.StrangerKey("unknown-kid")),
            "known-kid-wrong-key" => TokenForge.Mint(TokenForge.StrangerKey(key.KeyId)),
            "truncated" => TokenForge.Mint(key)[..^12],
            "garbage" => "not.a.token",
            "no-expiry" => NoExpiry(key),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown forged token kind."),
        };
    }

    private static string NoExpiry(SecurityKey key)
    {
        var handler = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(
            $$"""{"iss":"{{TestApiHost.Issuer}}","aud":"{{TestApiHost.Audience}}","sub":"usr-test"}""",
            new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}

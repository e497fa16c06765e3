using System.Net;
using CareStream.Auth.Keys;
using CareStream.Testing.Auth;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// A2: forged tokens against the real host are all refused (401); A6: a token in the query string counts only on
/// <c>/hubs/*</c> (browsers cannot set WebSocket headers), never on the FHIR API or the admin API.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class TokenValidationTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    private const string Search = "/fhir/Observation?patient=a2-nobody";

    public static TheoryData<string> Forgeries => ["expired", "wrong audience", "wrong issuer", "alg=none", "HS256 with the public key", "unknown kid", "stranger key with the real kid"];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task GivenAForgedToken_WhenTheFhirApiIsCalled_Then401(string forgery)
    {
        using var http = host.With(Forge(forgery));

        using var response = await http.GetAsync(new Uri(Search, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GivenAValidToken_WhenTheFhirApiIsCalled_ThenItAnswers()
    {
        using var http = host.With(host.Tokens.Administrator());

        using var response = await http.GetAsync(new Uri(Search, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(Search)]
    [InlineData("/fhir/Patient")]
    [InlineData("/api/system")]
    public async Task GivenAValidTokenInTheQueryString_WhenANonHubPathIsCalled_Then401(string path)
    {
        using var anonymous = host.Anonymous();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';

        using var response = await anonymous.GetAsync(
            new Uri($"{path}{separator}access_token={host.Tokens.Administrator()}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GivenAValidTokenInTheQueryString_WhenTheHubNegotiates_ThenItIsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        using var anonymous = host.Anonymous();

        using var withToken = await anonymous.PostAsync(
            new Uri($"/hubs/ward/negotiate?negotiateVersion=1&access_token={host.Tokens.Nurse()}", UriKind.Relative), null, ct);
        using var without = await anonymous.PostAsync(new Uri("/hubs/ward/negotiate?negotiateVersion=1", UriKind.Relative), null, ct);

        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
    }

    private string Forge(string forgery)
    {
        var tokens = host.Tokens;
        var keys = new DevelopmentKeyStore(tokens.DataDirectory);
        var realKid = keys.PublicSigningKey.KeyId;
        return forgery switch
        {
            "expired" => tokens.ForUser("usr-admin-eve", "admin", TestTokens.AdministratorScopes, TimeSpan.FromMinutes(-10)),
            "wrong audience" => new TestTokens(tokens.DataDirectory, tokens.Issuer, "someone-else").Administrator(),
            "wrong issuer" => new TestTokens(tokens.DataDirectory, "https://issuer.invalid/", tokens.Audience).Administrator(),
            "alg=none" => TokenForge.Unsigned(realKid, tokens.Issuer, tokens.Audience),
            "HS256 with the public key" => TokenForge.HmacWithPublicKey(keys.PublicSigningKey, tokens.Issuer, tokens.Audience),
            "unknown kid" => TokenForge.Mint(TokenForge.StrangerKey(Base64UrlEncoder.Encode(Guid.NewGuid().ToByteArray())), tokens.Issuer, tokens.Audience),
            "stranger key with the real kid" => TokenForge.Mint(TokenForge.StrangerKey(realKid), tokens.Issuer, tokens.Audience),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery), forgery, "Unknown forgery."),
        };
    }
}

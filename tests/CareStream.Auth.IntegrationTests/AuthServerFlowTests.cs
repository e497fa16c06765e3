using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CareStream.Auth.Server;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Auth.IntegrationTests;

/// <summary>
/// The embedded server end to end (guide S3, C3, A8, A9): discovery documents, client credentials with a secret and with
/// <c>private_key_jwt</c>, authorization code + PKCE through the login page, refresh, and the tokens accepted by
/// <c>AddCareStreamAuthentication()</c> under the real policies.
/// </summary>
public sealed partial class AuthServerFlowTests(AuthServerHost host) : IClassFixture<AuthServerHost>
{
    private const string TokenPath = "/connect/token";
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    [Fact]
    public async Task GivenEmbeddedServer_WhenDiscoveryRead_ThenEndpointsAndKeysPublished()
    {
        using var client = new AuthServerClient(host.Server);

        var discovery = await AuthServerClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/.well-known/openid-configuration"));
        var jwks = await AuthServerClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/.well-known/jwks"));

        Assert.Equal(AuthServerHost.Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal(AuthServerHost.Issuer + "connect/token", discovery.GetProperty("token_endpoint").GetString());
        Assert.Equal(AuthServerHost.Issuer + "connect/authorize", discovery.GetProperty("authorization_endpoint").GetString());
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), k => k.GetProperty("kid").GetString() == host.Keys.SigningKey.KeyId);
    }

    [Fact]
    public async Task GivenEmbeddedServer_WhenSmartConfigurationRead_ThenRequiredFieldsPresentAndConsistent()
    {
        using var client = new AuthServerClient(host.Server);

        var smart = await AuthServerClient.JsonAsync(await client.SendAsync(HttpMethod.Get, SmartConfiguration.Path));
        var discovery = await AuthServerClient.JsonAsync(await client.SendAsync(HttpMethod.Get, "/.well-known/openid-configuration"));

        Assert.Equal(discovery.GetProperty("token_endpoint").GetString(), smart.GetProperty("token_endpoint").GetString());
        Assert.Equal(discovery.GetProperty("authorization_endpoint").GetString(), smart.GetProperty("authorization_endpoint").GetString());
        Assert.Equal(["S256"], smart.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("private_key_jwt", smart.GetProperty("token_endpoint_auth_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("system/Observation.c", smart.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("permission-v2", smart.GetProperty("capabilities").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task GivenDeviceAdapterSecret_WhenClientCredentials_ThenTokenMayWriteButNotRead()
    {
        using var client = new AuthServerClient(host.Server);

        var token = await ClientCredentialsAsync(client, new Dictionary<string, string>
        {
            ["client_id"] = DemoIdentities.DeviceAdapterClientId, ["client_secret"] = DemoIdentities.DeviceAdapterSecret,
            ["scope"] = DemoIdentities.DeviceAdapterScope,
        });
        using var write = await client.SendAsync(HttpMethod.Post, "/fhir/Observation", bearer: token);
        using var read = await client.SendAsync(HttpMethod.Get, "/fhir/Observation", bearer: token);

        Assert.Equal(HttpStatusCode.Created, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    public static TheoryData<string, string, string> BadClients => new()
    {
        { DemoIdentities.DeviceAdapterClientId, "wrong-secret", DemoIdentities.DeviceAdapterScope },
        { "no-such-client", "whatever", DemoIdentities.DeviceAdapterScope },
        { DemoIdentities.DeviceAdapterClientId, DemoIdentities.DeviceAdapterSecret, "system/Observation.rs" },
        { DemoIdentities.DashboardClientId, "", "user/Observation.rs" },
    };

    [Theory]
    [MemberData(nameof(BadClients))]
    public async Task GivenBadClientOrScope_WhenClientCredentials_ThenRejected(string clientId, string secret, string scope)
    {
        using var client = new AuthServerClient(host.Server);

        using var response = await client.PostFormAsync(TokenPath, new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        });

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task GivenIntegratorKey_WhenPrivateKeyJwt_ThenReadScopeGranted()
    {
        using var client = new AuthServerClient(host.Server);

        var token = await ClientCredentialsAsync(client, IntegratorForm(Assertion(DateTime.UtcNow.AddMinutes(4))));

        var jwt = new JsonWebToken(token);
        Assert.Equal("system/Observation.rs", jwt.GetClaim("scope").Value);
        Assert.Contains("carestream-fhir", jwt.Audiences);
    }

    [Fact]
    public async Task GivenSmartStyleAssertion_WhenPrivateKeyJwt_ThenAccepted()
    {
        using var client = new AuthServerClient(host.Server);

        var token = await ClientCredentialsAsync(client, IntegratorForm(Assertion(DateTime.UtcNow.AddMinutes(4), smartStyle: true)));

        Assert.Equal("system/Observation.rs", new JsonWebToken(token).GetClaim("scope").Value);
    }

    [Fact]
    public async Task GivenExpiredAssertion_WhenPrivateKeyJwt_ThenRejected()
    {
        using var client = new AuthServerClient(host.Server);

        using var response = await client.PostFormAsync(TokenPath, IntegratorForm(Assertion(DateTime.UtcNow.AddMinutes(-2), notBefore: DateTime.UtcNow.AddMinutes(-7))));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task GivenBadAssertionType_WhenPrivateKeyJwt_ThenRejected()
    {
        using var client = new AuthServerClient(host.Server);
        var form = IntegratorForm(Assertion(DateTime.UtcNow.AddMinutes(4)));
        form["client_assertion_type"] = "urn:example:not-a-jwt";

        using var response = await client.PostFormAsync(TokenPath, form);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task GivenAssertionSignedByStranger_WhenPrivateKeyJwt_ThenRejected()
    {
        using var client = new AuthServerClient(host.Server);
        var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = IntegratorKey().KeyId };

        using var response = await client.PostFormAsync(TokenPath, IntegratorForm(Assertion(DateTime.UtcNow.AddMinutes(4), stranger)));

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task GivenNurse_WhenAuthorizationCodeWithPkce_ThenTokenReadsButNotAdminAndCodeSingleUse()
    {
        using var client = new AuthServerClient(host.Server);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

        var code = await LoginAndAuthorizeAsync(client, "nurse.anna", "Demo-Nurse-1!", verifier);
        var tokenForm = CodeForm(code, verifier);
        var tokens = await AuthServerClient.JsonAsync(await client.PostFormAsync(TokenPath, tokenForm));
        var access = tokens.GetProperty("access_token").GetString()!;
        using var read = await client.SendAsync(HttpMethod.Get, "/fhir/Observation", bearer: access);
        using var admin = await client.SendAsync(HttpMethod.Get, "/fhir/AuditEvent", bearer: access);
        using var refreshed = await client.PostFormAsync(TokenPath, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = DemoIdentities.DashboardClientId,
            ["refresh_token"] = tokens.GetProperty("refresh_token").GetString()!,
        });
        // A replayed code is refused (and OpenIddict revokes the tokens issued from it), so it runs last.
        using var replay = await client.PostFormAsync(TokenPath, tokenForm);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("usr-nurse-anna", await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        Assert.DoesNotContain("AuditEvent", new JsonWebToken(access).GetClaim("scope").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenWrongVerifier_WhenRedeemingCode_ThenInvalidGrant()
    {
        using var client = new AuthServerClient(host.Server);
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var code = await LoginAndAuthorizeAsync(client, "charge.carla", "Demo-Charge-1!", verifier);

        using var response = await client.PostFormAsync(TokenPath, CodeForm(code, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task GivenWrongPassword_WhenLoggingIn_Then401AndNoSession()
    {
        using var client = new AuthServerClient(host.Server);
        var page = await (await client.SendAsync(HttpMethod.Get, "/account/login?returnUrl=/")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var response = await client.PostFormAsync("/account/login", LoginForm(page, "nurse.anna", "not-the-password", "/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GivenPlainChallengeMethod_WhenAuthorizing_ThenRejected()
    {
        using var client = new AuthServerClient(host.Server);

        using var response = await client.SendAsync(HttpMethod.Get, AuthorizeUrl("plain-verifier-plain-verifier-plain-verifier", "plain"));

        Assert.DoesNotContain("/account/login", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<string> ClientCredentialsAsync(AuthServerClient client, Dictionary<string, string> form)
    {
        form["grant_type"] = "client_credentials";
        using var response = await client.PostFormAsync(TokenPath, form);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return (await AuthServerClient.JsonAsync(response)).GetProperty("access_token").GetString()!;
    }

    private async Task<string> LoginAndAuthorizeAsync(AuthServerClient client, string user, string password, string verifier)
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var login = AuthServerClient.RedirectTarget(await client.SendAsync(HttpMethod.Get, AuthorizeUrl(challenge, "S256")));
        var loginPath = new Uri(new Uri(AuthServerHost.Issuer), login).PathAndQuery;
        var page = await (await client.SendAsync(HttpMethod.Get, loginPath)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var returnUrl = WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value);

        var back = AuthServerClient.RedirectTarget(await client.PostFormAsync("/account/login", LoginForm(page, user, password, returnUrl)));
        var callback = AuthServerClient.RedirectTarget(await client.SendAsync(HttpMethod.Get, back));

        Assert.StartsWith(AuthServerHost.RedirectUri, callback, StringComparison.Ordinal);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(callback).Query);
        Assert.Equal("state-1", query["state"].ToString());
        return query["code"].ToString();
    }

    private static string AuthorizeUrl(string challenge, string method) =>
        "/connect/authorize?client_id=" + DemoIdentities.DashboardClientId + "&response_type=code"
        + "&redirect_uri=" + Uri.EscapeDataString(AuthServerHost.RedirectUri)
        + "&scope=" + Uri.EscapeDataString("openid offline_access user/Observation.rs user/AuditEvent.rs")
        + "&state=state-1&code_challenge=" + challenge + "&code_challenge_method=" + method;

    private static Dictionary<string, string> LoginForm(string page, string user, string password, string returnUrl)
    {
        var antiforgery = AntiforgeryField().Match(page);
        return new Dictionary<string, string>
        {
            [antiforgery.Groups[1].Value] = WebUtility.HtmlDecode(antiforgery.Groups[2].Value),
            ["returnUrl"] = returnUrl, ["username"] = user, ["password"] = password,
        };
    }

    private static Dictionary<string, string> CodeForm(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code", ["client_id"] = DemoIdentities.DashboardClientId, ["code"] = code,
        ["redirect_uri"] = AuthServerHost.RedirectUri, ["code_verifier"] = verifier,
    };

    private RsaSecurityKey IntegratorKey() => host.Keys.LoadNamed(DemoIdentities.IntegratorKeyFile);

    /// <summary>OpenIddict style (typ client-authentication+jwt, aud = issuer) or SMART style (typ JWT, aud = token URL).</summary>
    private string Assertion(DateTime expires, SecurityKey? key = null, bool smartStyle = false, DateTime? notBefore = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = DemoIdentities.IntegratorClientId,
        Audience = smartStyle ? AuthServerHost.Issuer + "connect/token" : AuthServerHost.Issuer,
        Subject = new ClaimsIdentity([new Claim("sub", DemoIdentities.IntegratorClientId), new Claim("jti", Guid.NewGuid().ToString("N"))]),
        IssuedAt = notBefore ?? DateTime.UtcNow, NotBefore = notBefore ?? DateTime.UtcNow, Expires = expires,
        TokenType = smartStyle ? "JWT" : "client-authentication+jwt",
        SigningCredentials = new SigningCredentials(key ?? IntegratorKey(), SecurityAlgorithms.RsaSha256),
    });

    private static Dictionary<string, string> IntegratorForm(string assertion) => new()
    {
        ["client_id"] = DemoIdentities.IntegratorClientId, ["client_assertion_type"] = AssertionType,
        ["client_assertion"] = assertion, ["scope"] = DemoIdentities.IntegratorScope,
    };

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<input type=\"hidden\" name=\"returnUrl\" value=\"([^\"]*)\">")]
    private static partial Regex ReturnUrlField();
}

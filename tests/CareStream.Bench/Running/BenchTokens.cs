using System.Net.Http.Headers;
using System.Security.Claims;
using CareStream.Auth;
using CareStream.Auth.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Bench.Running;

/// <summary>
/// Access tokens for the bench's clients, signed with the development key the host under test is pointed at (a fresh
/// folder per host), shaped like the embedded server's (sub, role, scope, issuer = the host's URL, audience). Each
/// token lives <see cref="Lifetime"/>, longer than any run, so no client re-authenticates mid-measurement.
/// </summary>
public sealed class BenchTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private const string Audience = "carestream-fhir";

    private static readonly string[] ClinicianScopes =
        ["openid", "profile", "user/Observation.rs", "user/Patient.rs", "user/Location.rs", "user/Device.rs", "user/Flag.rs"];

    private readonly DevelopmentKeyStore _keys;
    private readonly string _issuer;

    public BenchTokens(string dataDirectory, Uri hostBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(hostBaseAddress);
        Directory.CreateDirectory(dataDirectory);
        DataDirectory = dataDirectory;
        _issuer = hostBaseAddress.GetLeftPart(UriPartial.Authority) + "/";
        _keys = new DevelopmentKeyStore(dataDirectory);
        _ = _keys.SigningKey; // the key file exists before the host reads it
    }

    public string DataDirectory { get; }

    /// <summary>The settings that make the host trust these tokens.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Auth:DataDirectory"] = DataDirectory,
        ["Auth:Issuer"] = _issuer,
        ["Auth:Audience"] = Audience,
    };

    /// <summary>An administrator (ADT seeding, <c>/api/system</c>, FHIR reads).</summary>
    public string Administrator() => Mint("usr-admin-eve", CareStreamRoles.Administrator);

    /// <summary>A charge nurse (the dashboards and FHIR searches of a nurse station).</summary>
    public string Clinician() => Mint(BenchStaff.ClinicianSubject, CareStreamRoles.ChargeNurse);

    /// <summary>An HttpClient sending <paramref name="accessToken"/>.</summary>
    public static HttpClient Authorize(HttpClient client, string accessToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private string Mint(string subject, string role)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var identity = new ClaimsIdentity([
            new Claim(CareStreamClaims.Subject, subject),
            new Claim(CareStreamClaims.Role, role),
            new Claim(CareStreamClaims.Scope, string.Join(' ', ClinicianScopes)),
        ]);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + Lifetime,
            Subject = identity,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(_keys.SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }
}

using System.Security.Claims;
using CareStream.Auth;
using CareStream.Auth.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Testing.Auth;

/// <summary>
/// Mints access tokens exactly as the embedded OpenIddict server shapes them (sub, role or client_id, one
/// space-separated <c>scope</c> claim, issuer, audience), signed with the persisted development key of the host under
/// test. A host-level test points <c>Auth:DataDirectory</c> at <see cref="DataDirectory"/> (see
/// <see cref="HostSettings"/>) so the host validates these tokens with the same key; no login round trip is needed.
/// End-to-end login is covered separately (CareStream.Auth.IntegrationTests, browser tests).
/// </summary>
public sealed class TestTokens
{
    private readonly DevelopmentKeyStore _keys;
    private readonly TimeProvider _time;

    public TestTokens(string dataDirectory, string issuer = DefaultIssuer, string audience = DefaultAudience, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        DataDirectory = dataDirectory;
        Issuer = issuer;
        Audience = audience;
        _time = time ?? TimeProvider.System;
        _keys = new DevelopmentKeyStore(dataDirectory);
        // Create the key file now, before a host starts and reads it.
        _ = _keys.SigningKey;
    }

    public const string DefaultIssuer = "http://localhost:5000/";
    public const string DefaultAudience = "carestream-fhir";

    /// <summary>Scopes of a clinician using the dashboard (all clinical resources, read and search).</summary>
    public static IReadOnlyList<string> ClinicianScopes { get; } =
        ["openid", "profile", "fhirUser", "user/Observation.rs", "user/Patient.rs", "user/Location.rs", "user/Device.rs", "user/Flag.rs", "user/Subscription.crus"];

    /// <summary>Scopes of an administrator: the clinician scopes plus the audit trail.</summary>
    public static IReadOnlyList<string> AdministratorScopes { get; } = [.. ClinicianScopes, "user/AuditEvent.rs"];

    /// <summary>A fresh temporary key directory for one test host.</summary>
    public static TestTokens InTemporaryDirectory() =>
        new(Path.Combine(Path.GetTempPath(), "carestream-auth-" + Guid.NewGuid().ToString("N")));

    public string DataDirectory { get; }

    public string Issuer { get; }

    public string Audience { get; }

    /// <summary>The host settings that make a CareStream host trust these tokens.</summary>
    public IReadOnlyDictionary<string, string> HostSettings => new Dictionary<string, string>
    {
        ["Auth:DataDirectory"] = DataDirectory,
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
    };

    /// <summary>The seeded demo administrator (<c>admin.eve</c>): not ward-bound, may read the audit trail.</summary>
    public string Administrator() => ForUser("usr-admin-eve", CareStreamRoles.Administrator, AdministratorScopes);

    /// <summary>A nurse token for a user id (ward assignments are server-side, never in the token).</summary>
    public string Nurse(string subject = "usr-nurse-anna") => ForUser(subject, CareStreamRoles.Nurse, ClinicianScopes);

    /// <summary>A device adapter (client credentials): may only create Observations.</summary>
    public string DeviceAdapter(string clientId = "carestream-device-adapter") => ForClient(clientId, ["system/Observation.c"]);

    /// <summary>A SMART backend service reading Observations.</summary>
    public string Integrator(string clientId = "carestream-integrator") => ForClient(clientId, ["system/Observation.rs"]);

    public string ForUser(string subject, string role, IEnumerable<string> scopes, TimeSpan? lifetime = null) =>
        Mint([new Claim(CareStreamClaims.Subject, subject), new Claim(CareStreamClaims.Role, role)], scopes, lifetime);

    public string ForClient(string clientId, IEnumerable<string> scopes, TimeSpan? lifetime = null) =>
        Mint([new Claim(CareStreamClaims.Subject, clientId), new Claim(CareStreamClaims.ClientId, clientId)], scopes, lifetime);

    /// <summary>Any claims, signed with the host's key; <paramref name="lifetime"/> may be negative for an expired token.</summary>
    public string Mint(IEnumerable<Claim> claims, IEnumerable<string> scopes, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(scopes);
        var now = _time.GetUtcNow().UtcDateTime;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        var notBefore = expires <= now ? expires.AddMinutes(-15) : now.AddSeconds(-5);
        var subject = new ClaimsIdentity(claims);
        subject.AddClaim(new Claim(CareStreamClaims.Scope, string.Join(' ', scopes)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = notBefore,
            NotBefore = notBefore,
            Expires = expires,
            Subject = subject,
            TokenType = "at+jwt",
            SigningCredentials = new SigningCredentials(_keys.SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}

namespace CareStream.Auth.Server;

/// <summary>The <c>/.well-known/smart-configuration</c> document (SMART App Launch 2.x).</summary>
public static class SmartConfiguration
{
    public const string Path = "/.well-known/smart-configuration";

    public static IReadOnlyList<string> Capabilities { get; } =
    [
        "launch-standalone", "client-public", "client-confidential-asymmetric", "context-standalone-patient",
        "permission-offline", "permission-patient", "permission-user", "permission-v1", "permission-v2", "sso-openid-connect",
    ];

    public static IReadOnlyList<string> Scopes { get; } =
    [
        "openid", "profile", "fhirUser", "offline_access", "launch/patient",
        "patient/*.rs", "patient/Observation.rs", "patient/Patient.rs",
        "user/*.rs", "user/Patient.rs", "user/Observation.rs", "user/Encounter.rs", "user/Location.rs", "user/Device.rs", "user/Flag.rs",
        "user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
        "user/AuditEvent.rs",
        DemoIdentities.DeviceAdapterScope, DemoIdentities.IntegratorScope,
        "system/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
    ];

    /// <summary>The document for an issuer (with trailing slash), consistent with the routes the server maps.</summary>
    public static Dictionary<string, object> Build(string issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var baseUri = issuer.EndsWith('/') ? issuer : issuer + "/";
        return new Dictionary<string, object>
        {
            ["issuer"] = baseUri,
            ["jwks_uri"] = baseUri + AuthServerRoutes.Jwks,
            ["authorization_endpoint"] = baseUri + AuthServerRoutes.Authorize,
            ["token_endpoint"] = baseUri + AuthServerRoutes.Token,
            ["grant_types_supported"] = new[] { "authorization_code", "refresh_token", "client_credentials" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post", "private_key_jwt" },
            ["token_endpoint_auth_signing_alg_values_supported"] = new[] { "RS256", "RS384", "ES256", "ES384" },
            ["scopes_supported"] = Scopes,
            ["response_types_supported"] = new[] { "code" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["capabilities"] = Capabilities,
        };
    }
}

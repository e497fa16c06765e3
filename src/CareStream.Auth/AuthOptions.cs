using System.ComponentModel.DataAnnotations;

namespace CareStream.Auth;

/// <summary>
/// Identity settings (section <c>Auth</c>). Without <see cref="Authority"/> the embedded OpenIddict server issues
/// tokens as <see cref="Issuer"/>; with it, tokens come from an external OIDC provider (Keycloak, Entra ID) and the
/// embedded server is not mapped.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>External OIDC issuer (its discovery document and JWKS are fetched). Null: the embedded server.</summary>
    public string? Authority { get; set; }

    /// <summary>The issuer of the embedded server: the public base URL of the api role, with a trailing slash.</summary>
    public string Issuer { get; set; } = "http://localhost:5000/";

    /// <summary>The audience every access token must carry (the FHIR API as a resource server).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Auth:Audience is required.")]
    public string Audience { get; set; } = "carestream-fhir";

    /// <summary>Where the embedded server keeps its development keys (absolute). Default: next to the embedded database.</summary>
    public string? DataDirectory { get; set; }

    [Range(0, 300, ErrorMessage = "Auth:ClockSkewSeconds must be between 0 and 300.")]
    public int ClockSkewSeconds { get; set; } = 30;

    [Range(1, 60, ErrorMessage = "Auth:AccessTokenLifetimeMinutes must be between 1 and 60.")]
    public int AccessTokenLifetimeMinutes { get; set; } = 15;

    /// <summary>
    /// Where the dashboard receives the authorization code (the <c>carestream-dashboard</c> client's redirect URI). Null:
    /// the dashboard's own page <c>/</c> on <see cref="Issuer"/> (the api role serves both), so the registration follows
    /// the configured public URL. Set it only when the dashboard is served from another origin.
    /// </summary>
    public string? DashboardRedirectUri { get; set; }

    /// <summary>Signature algorithms accepted on access tokens; never <c>none</c> and never a symmetric algorithm.</summary>
    public IList<string> ValidAlgorithms { get; } = ["RS256", "PS256", "ES256"];

    /// <summary>How long a break-glass grant (emergency access to one patient outside the user's wards) lasts.</summary>
    [Range(1, 720, ErrorMessage = "Auth:BreakGlassMinutes must be between 1 and 720.")]
    public int BreakGlassMinutes { get; set; } = 60;

    /// <summary>Seed the demo users and clients (documented passwords) on start. Never in production.</summary>
    public bool SeedDemoData { get; set; } = true;

    public bool UsesExternalAuthority => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>The redirect URI registered for the dashboard: <see cref="DashboardRedirectUri"/>, else the issuer (the page <c>/</c>).</summary>
    public string EffectiveDashboardRedirectUri =>
        string.IsNullOrWhiteSpace(DashboardRedirectUri) ? new Uri(Issuer).AbsoluteUri : DashboardRedirectUri;

    /// <summary>The issuer tokens are validated against.</summary>
    public string EffectiveIssuer => UsesExternalAuthority ? Authority! : Issuer;
}

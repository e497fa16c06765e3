using System.ComponentModel.DataAnnotations;

namespace CareStream.Host.Security;

/// <summary>
/// Per-client request rate limit (section <c>Security:RateLimit</c>): a token bucket per client, keyed by the token's
/// <c>client_id</c>, else its <c>sub</c>, else the remote IP for anonymous requests. The defaults are far above a
/// nurse dashboard (a few requests a minute plus one hub connection) and above the bench's 1,000 FHIR requests/s from
/// one integrator client, so they only stop runaway or abusive clients; lower them per deployment.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Security:RateLimit";

    /// <summary><c>Security:RateLimit:Enabled</c>: default true. Disabling is logged at start.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Security:RateLimit:PermitsPerSecond</c>: sustained requests per second per client (default 2,000).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Security:RateLimit:PermitsPerSecond must be between 1 and 1000000.")]
    public int PermitsPerSecond { get; set; } = 2_000;

    /// <summary><c>Security:RateLimit:Burst</c>: bucket size, the requests a client may send at once after idling (default 4,000).</summary>
    [Range(1, 10_000_000, ErrorMessage = "Security:RateLimit:Burst must be between 1 and 10000000.")]
    public int Burst { get; set; } = 4_000;
}

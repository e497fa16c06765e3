using System.ComponentModel.DataAnnotations;

namespace CareStream.Host.Security;

/// <summary>HTTP hardening of the host (section <c>Security</c>): CORS and hub Origin allow-list, body and JSON limits, HSTS.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>
    /// <c>Security:AllowedOrigins</c>: browser origins (<c>https://host[:port]</c>) granted CORS and allowed to open
    /// <c>/hubs/*</c> besides the host's own origin. Default none: the dashboard is served by the host itself.
    /// </summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary><c>Security:MaxRequestBodyBytes</c>: largest POST/PUT/PATCH body on any route (default 1 MiB); larger → 413.</summary>
    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Security:MaxRequestBodyBytes must be between 1 KiB and 64 MiB.")]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary><c>Security:MaxJsonDepth</c>: nesting limit of JSON bodies bound by minimal APIs (default 32); deeper → 400.</summary>
    [Range(4, 64, ErrorMessage = "Security:MaxJsonDepth must be between 4 and 64.")]
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary><c>Security:HstsMaxAge</c>: Strict-Transport-Security max-age on HTTPS responses outside Development (default 365 days).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "730.00:00:00", ErrorMessage = "Security:HstsMaxAge must be between 5 min and 730 days.")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!IsOrigin(origin))
            {
                yield return new ValidationResult(
                    $"Security:AllowedOrigins entry '{origin}' is not an origin: use scheme://host[:port] (http or https), no path and no '*'.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }

    /// <summary>The allowed origins in canonical form (scheme://host[:port], lower case, default port omitted).</summary>
    public IReadOnlySet<string> CanonicalOrigins() =>
        AllowedOrigins.Where(IsOrigin).Select(o => Canonical(new Uri(o))).ToHashSet(StringComparer.OrdinalIgnoreCase);

    internal static string Canonical(Uri origin) => origin.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !value.Contains('*', StringComparison.Ordinal);
}

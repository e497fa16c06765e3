using Microsoft.Extensions.Options;

namespace CareStream.Auth;

/// <summary>Cross-field checks DataAnnotations cannot express; runs at start (ValidateOnStart).</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    private static readonly HashSet<string> Asymmetric = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.UsesExternalAuthority && !IsAbsoluteHttp(options.Authority!, requireHttpsUnlessLoopback: true))
        {
            failures.Add($"Auth:Authority must be an absolute https URL (http only on loopback); got '{options.Authority}'.");
        }

        if (!options.UsesExternalAuthority && !IsAbsoluteHttp(options.Issuer, requireHttpsUnlessLoopback: false))
        {
            failures.Add($"Auth:Issuer must be an absolute http(s) URL; got '{options.Issuer}'.");
        }

        if (!string.IsNullOrWhiteSpace(options.DashboardRedirectUri) && !IsAbsoluteHttp(options.DashboardRedirectUri, requireHttpsUnlessLoopback: false))
        {
            failures.Add($"Auth:DashboardRedirectUri must be an absolute http(s) URL; got '{options.DashboardRedirectUri}'.");
        }

        if (options.DataDirectory is { } directory && !Path.IsPathFullyQualified(directory))
        {
            failures.Add($"Auth:DataDirectory must be an absolute path (got '{directory}').");
        }

        if (options.ValidAlgorithms.Count == 0 || options.ValidAlgorithms.Any(a => !Asymmetric.Contains(a)))
        {
            failures.Add("Auth:ValidAlgorithms must list asymmetric JWS algorithms only (RS*, PS*, ES*).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAbsoluteHttp(string value, bool requireHttpsUnlessLoopback) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (!requireHttpsUnlessLoopback || uri.IsLoopback)));
}

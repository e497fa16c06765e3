using AuthOptions = CareStream.Auth.AuthOptions;
using CareStream.Auth.Access;
using CareStream.Auth.Audit;
using CareStream.Auth.Server;
using CareStream.Auth.Validation;
using CareStream.Host.Roles;
using CareStream.Host.Security;
using Microsoft.AspNetCore.Authorization;

namespace CareStream.Host;

/// <summary>
/// Identity for the roles that serve HTTP: bearer validation everywhere, and the embedded OpenIddict server with the
/// api role unless <c>Auth:Authority</c> names an external OIDC provider (docs/security-plan.md, ADR adr-2611-identity).
/// </summary>
public static class AuthHostingExtensions
{
    public static WebApplicationBuilder AddCareStreamAuth(this WebApplicationBuilder builder, CareStreamRoles roles)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(roles);
        DefaultIssuerToOwnUrl(builder.Configuration);
        builder.Services.AddCareStreamAuthentication();
        // Closed by default: an endpoint without its own policy or AllowAnonymous needs a valid token.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.AddCareStreamSecurity();          // rate limit, CORS/Origin, headers, body/JSON limits, log redaction
        if (roles.Api || roles.Live)
        {
            builder.Services.AddCareStreamWardAccess();
            builder.Services.AddCareStreamAudit(); // audit trail: patient-data requests and hub joins (S6)
        }

        if (HostsAuthServer(builder.Configuration, roles))
        {
            builder.Services.AddCareStreamAuthServer();
        }

        return builder;
    }

    /// <summary>Authentication and authorization middleware, and the embedded server's endpoints when it runs here.</summary>
    public static WebApplication UseCareStreamAuth(this WebApplication app, CareStreamRoles roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roles);
        app.UseAuthentication();
        if (roles.Api || roles.Live)
        {
            app.UseCareStreamAudit(); // after authentication (who), around rate limiting and authorization (429/401/403 are recorded)
        }

        app.UseCareStreamRateLimiting();          // per client_id/sub/IP: needs the authenticated user
        app.UseAuthorization();
        if (HostsAuthServer(app.Configuration, roles))
        {
            app.MapCareStreamAuthServer();
        }

        return app;
    }

    /// <summary>
    /// Without <c>Auth:Issuer</c> the embedded server stamps, and the APIs expect, the host's own first URL
    /// (wildcard hosts become <c>localhost</c>), so a token issued here validates here.
    /// </summary>
    private static void DefaultIssuerToOwnUrl(ConfigurationManager configuration)
    {
        var key = $"{AuthOptions.SectionName}:{nameof(AuthOptions.Issuer)}";
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return;
        }

        configuration[key] = IssuerFor(configuration["urls"]);
    }

    /// <summary>The issuer for a <c>urls</c> setting: its first URL with a trailing slash.</summary>
    public static string IssuerFor(string? urls)
    {
        var first = (string.IsNullOrWhiteSpace(urls) ? HostingExtensions.DefaultUrl : urls)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        var builder = new UriBuilder(first.Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal));
        if (builder.Host is "0.0.0.0" or "[::]")
        {
            builder.Host = "localhost";
        }

        return builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    }

    private static bool HostsAuthServer(IConfiguration configuration, CareStreamRoles roles) =>
        roles.Api && string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.Authority)}"]);
}

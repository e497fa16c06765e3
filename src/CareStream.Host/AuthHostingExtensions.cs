using AuthOptions = CareStream.Auth.AuthOptions;
using CareStream.Auth.Access;
using CareStream.Auth.Server;
using CareStream.Auth.Validation;
using CareStream.Host.Roles;

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
        if (HostsAuthServer(builder.Configuration, roles))
        {
            DefaultIssuerToOwnUrl(builder.Configuration);
        }

        builder.Services.AddCareStreamAuthentication();
        if (roles.Api || roles.Live)
        {
            builder.Services.AddCareStreamWardAccess();
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
        app.UseAuthorization();
        if (HostsAuthServer(app.Configuration, roles))
        {
            app.MapCareStreamAuthServer();
        }

        return app;
    }

    /// <summary>
    /// Without <c>Auth:Issuer</c>, the embedded server (api role) is this host's own first URL (default <see cref="HostingExtensions.DefaultUrl"/>),
    /// so tokens, discovery and the dashboard's redirect URI (the issuer's <c>/</c>, see
    /// <see cref="AuthOptions.EffectiveDashboardRedirectUri"/>) name the address the browser uses. A wildcard binding
    /// (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>) is no public URL: then the issuer must be configured.
    /// </summary>
    private static void DefaultIssuerToOwnUrl(ConfigurationManager configuration)
    {
        var key = $"{AuthOptions.SectionName}:{nameof(AuthOptions.Issuer)}";
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return;
        }

        var first = (configuration["urls"] ?? HostingExtensions.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (Uri.TryCreate(first, UriKind.Absolute, out var url) && url.Host is not ("0.0.0.0" or "[::]"))
        {
            configuration[key] = url.GetLeftPart(UriPartial.Authority) + "/";
        }
    }

    private static bool HostsAuthServer(IConfiguration configuration, CareStreamRoles roles) =>
        roles.Api && string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.Authority)}"]);
}

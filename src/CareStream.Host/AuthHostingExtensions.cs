using AuthOptions = CareStream.Auth.AuthOptions;
using CareStream.Auth.Access;
using CareStream.Auth.Server;
using CareStream.Auth.Validation;
using CareStream.Host.Roles;
using CareStream.Host.Security;

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
        builder.Services.AddCareStreamAuthentication();
        builder.AddCareStreamSecurity();          // rate limit, CORS/Origin, headers, body/JSON limits, log redaction
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
        app.UseCareStreamRateLimiting();          // per client_id/sub/IP: needs the authenticated user
        app.UseAuthorization();
        if (HostsAuthServer(app.Configuration, roles))
        {
            app.MapCareStreamAuthServer();
        }

        return app;
    }

    private static bool HostsAuthServer(IConfiguration configuration, CareStreamRoles roles) =>
        roles.Api && string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.Authority)}"]);
}

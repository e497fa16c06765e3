using System.Security.Claims;
using CareStream.Auth.Data;
using CareStream.Auth.Scopes;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace CareStream.Auth.Server;

/// <summary>Builds the principal the embedded server signs: who (sub), role, scopes, audience, claim destinations.</summary>
internal static class AuthClaims
{
    public static ClaimsPrincipal ForUser(AuthUser user, IEnumerable<string> requestedScopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(CareStreamClaims.Subject, user.Id)
            .SetClaim(CareStreamClaims.Name, user.DisplayName)
            .SetClaim(CareStreamClaims.Role, user.Role);
        // Users never get system/ scopes, and only administrators may read the audit trail.
        var scopes = requestedScopes.Where(s => !s.StartsWith("system/", StringComparison.Ordinal))
            .Where(s => user.Role == CareStreamRoles.Administrator || !s.Contains("AuditEvent", StringComparison.Ordinal));
        return Finish(identity, scopes, audience);
    }

    public static ClaimsPrincipal ForClient(string clientId, IEnumerable<string> requestedScopes, string audience)
    {
        var identity = NewIdentity();
        identity.SetClaim(CareStreamClaims.Subject, clientId).SetClaim(CareStreamClaims.ClientId, clientId);
        // A backend service acts for itself: only system/ clinical scopes (its permissions already limit which).
        var scopes = requestedScopes.Where(s => SmartScopeParser.TryParse(s, out var scope) && scope.Context == SmartContext.System);
        return Finish(identity, scopes, audience);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, CareStreamClaims.Subject, CareStreamClaims.Role);

    private static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        identity.SetScopes(scopes);
        identity.SetResources(audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            CareStreamClaims.Name when identity.HasScope(OpenIddictConstants.Scopes.Profile) =>
                [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
            _ => [OpenIddictConstants.Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}

using CareStream.Auth.Data;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace CareStream.Auth.Server;

/// <summary>
/// The token endpoint. OpenIddict has already authenticated the client (secret or <c>private_key_jwt</c>), checked
/// its grant-type and scope permissions, and validated codes (PKCE) and refresh tokens; this decides the principal.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IDbContextFactory<AuthDbContext> contexts, IOptions<AuthOptions> auth)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var audience = auth.Value.Audience;
        if (request.IsClientCredentialsGrantType())
        {
            var principal = AuthClaims.ForClient(request.ClientId!, request.GetScopes(), audience);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var userId = result.Principal?.GetClaim(CareStreamClaims.Subject);
            await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
            var user = userId is null ? null
                : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, context.RequestAborted);
            if (user is not { Enabled: true })
            {
                return AuthorizationEndpoint.Forbid(OpenIddictConstants.Errors.InvalidGrant, "The user is no longer allowed to sign in.");
            }

            // Re-read the role on refresh so a changed account takes effect within one access-token lifetime.
            var principal = AuthClaims.ForUser(user, result.Principal!.GetScopes(), audience);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return AuthorizationEndpoint.Forbid(OpenIddictConstants.Errors.UnsupportedGrantType, "The grant type is not supported.");
    }
}

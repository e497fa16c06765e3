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
/// The authorization endpoint (code + PKCE, validated by OpenIddict before this runs): sends an unknown browser to the
/// login page, then issues a code for the signed-in user. No consent screen: the dashboard is a first-party client.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IDbContextFactory<AuthDbContext> contexts, IOptions<AuthOptions> auth)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenIddict server request is missing.");
        var login = await context.AuthenticateAsync(AuthServerExtensions.LoginScheme);
        var userId = login.Succeeded ? login.Principal.FindFirst(CareStreamClaims.Subject)?.Value : null;
        if (userId is null || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            var returnUrl = context.Request.PathBase + context.Request.Path + QueryString.Create(
                context.Request.HasFormContentType ? context.Request.Form : context.Request.Query);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [AuthServerExtensions.LoginScheme]);
        }

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, context.RequestAborted);
        if (user is not { Enabled: true })
        {
            return Forbid(OpenIddictConstants.Errors.AccessDenied, "The user account is unknown or disabled.");
        }

        var principal = AuthClaims.ForUser(user, request.GetScopes(), auth.Value.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}

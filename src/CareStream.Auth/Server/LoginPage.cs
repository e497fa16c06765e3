using System.Security.Claims;
using System.Text.Encodings.Web;
using CareStream.Auth.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareStream.Auth.Server;

/// <summary>A minimal server-rendered login form for the authorization endpoint (no Identity UI, no scripts).</summary>
internal static class LoginPage
{
    private const string LoggerCategory = "CareStream.Auth.Server.LoginPage";

    private static readonly PasswordHasher<AuthUser> Hasher = new();

    public static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Render(context, antiforgery, returnUrl, error: null, StatusCodes.Status200OK);

    public static async Task<IResult> SubmitAsync(
        HttpContext context, IAntiforgery antiforgery, IDbContextFactory<AuthDbContext> contexts, ILoggerFactory loggers)
    {
        await antiforgery.ValidateRequestAsync(context);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var userName = form["username"].ToString();
        var password = form["password"].ToString();
        var returnUrl = form["returnUrl"].ToString();

        await using var db = await contexts.CreateDbContextAsync(context.RequestAborted);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName, context.RequestAborted);
        if (user is not { Enabled: true } || Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            var logger = loggers.CreateLogger(LoggerCategory);
            Log.FailedLogin(logger);
            return Render(context, antiforgery, returnUrl, "Unknown user name or wrong password.", StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity([new Claim(CareStreamClaims.Subject, user.Id)], AuthServerExtensions.LoginScheme);
        await context.SignInAsync(AuthServerExtensions.LoginScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl : "/");
    }

    internal static string HashPassword(AuthUser user, string password) => Hasher.HashPassword(user, password);

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Render(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var message = error is null ? "" : $"<p role=\"alert\">{html.Encode(error)}</p>";
        var page = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>CareStream sign-in</title>
            <meta name="viewport" content="width=device-width, initial-scale=1"></head>
            <body><main><h1>CareStream sign-in</h1>{message}
            <form method="post" action="/{AuthServerRoutes.Login}">
            <input type="hidden" name="{html.Encode(tokens.FormFieldName)}" value="{html.Encode(tokens.RequestToken ?? "")}">
            <input type="hidden" name="returnUrl" value="{html.Encode(returnUrl ?? "/")}">
            <label>User name <input name="username" autocomplete="username" required></label>
            <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
            <button type="submit">Sign in</button>
            </form></main></body></html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        return Results.Content(page, "text/html; charset=utf-8", statusCode: status);
    }
}

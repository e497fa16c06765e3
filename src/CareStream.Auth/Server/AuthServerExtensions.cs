using CareStream.Auth.Access;
using CareStream.Auth.Audit;
using CareStream.Auth.Data;
using CareStream.Auth.Keys;
using CareStream.Auth.Validation;
using CareStream.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace CareStream.Auth.Server;

public static class AuthServerExtensions
{
    /// <summary>The cookie that remembers the signed-in user between the login page and the authorization endpoint.</summary>
    public const string LoginScheme = "CareStream.Login";

    /// <summary>
    /// The embedded OpenIddict server (guide S3): EF Core stores in schema <c>auth</c> of the CareStream database
    /// (needs <c>AddStorage()</c> for <see cref="IDatabaseEndpoint"/>), persisted development keys, authorization code +
    /// PKCE (S256 only), refresh token and client credentials (secret or <c>private_key_jwt</c>), the audit store, and
    /// a start-up service that migrates and seeds the demo data. Call <see cref="CareStreamAuthenticationExtensions.AddCareStreamAuthentication"/>
    /// as well so the APIs validate the tokens this server issues.
    /// </summary>
    public static IServiceCollection AddCareStreamAuthServer(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCareStreamAuthOptions();
        services.AddAuthDbContextFactory();
        services.TryAddSingleton<AuditEventStore>();
        services.AddAuthentication().AddCookie(LoginScheme, options =>
        {
            options.LoginPath = "/" + AuthServerRoutes.Login;
            options.Cookie.Name = "carestream.login";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAntiforgery();

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AuthDbContext>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris(AuthServerRoutes.Authorize)
                    .SetTokenEndpointUris(AuthServerRoutes.Token)
                    .SetJsonWebKeySetEndpointUris(AuthServerRoutes.Jwks);
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes([.. SmartConfiguration.Scopes]);
                // Resource servers validate plain JWS access tokens with JwtBearer (or an external IdP's), so no JWE.
                server.DisableAccessTokenEncryption();
                server.AddEventHandler(SmartClientAssertionCompatibility.Descriptor);
                server.AddEventHandler(SmartClientAssertionCompatibility.TypeDescriptor);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough();
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<AuthOptions>, DevelopmentKeyStore>(ConfigureServer);
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<AuthOptions>>((options, auth) =>
            options.DisableTransportSecurityRequirement = new Uri(auth.Value.Issuer).IsLoopback);
        services.AddHostedService<AuthStartupService>();
        return services;
    }

    /// <summary>
    /// Maps the passthrough endpoints (authorize, token), the login page and <c>/.well-known/smart-configuration</c>;
    /// OpenIddict itself serves <c>/.well-known/openid-configuration</c> and the JWKS. Needs <c>UseAuthentication()</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapCareStreamAuthServer(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Open by design: the host's fallback policy requires a token everywhere else.
        endpoints.MapMethods("/" + AuthServerRoutes.Authorize, [HttpMethods.Get, HttpMethods.Post], AuthorizationEndpoint.HandleAsync).AllowAnonymous();
        endpoints.MapPost("/" + AuthServerRoutes.Token, TokenEndpoint.HandleAsync).AllowAnonymous();
        endpoints.MapGet("/" + AuthServerRoutes.Login, LoginPage.Show).AllowAnonymous();
        endpoints.MapPost("/" + AuthServerRoutes.Login, LoginPage.SubmitAsync).AllowAnonymous();
        endpoints.MapGet(SmartConfiguration.Path, (IOptions<AuthOptions> auth) =>
            Results.Json(SmartConfiguration.Build(auth.Value.Issuer))).AllowAnonymous();
        return endpoints;
    }

    private static void ConfigureServer(OpenIddictServerOptions options, IOptions<AuthOptions> authOptions, DevelopmentKeyStore keys)
    {
        var auth = authOptions.Value;
        options.Issuer = new Uri(auth.Issuer);
        options.AccessTokenLifetime = TimeSpan.FromMinutes(auth.AccessTokenLifetimeMinutes);
        options.CodeChallengeMethods.Remove(OpenIddictConstants.CodeChallengeMethods.Plain);
        options.SigningCredentials.Add(new SigningCredentials(keys.SigningKey, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(keys.EncryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}

using CareStream.Auth.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Auth.Validation;

/// <summary>Turns <see cref="AuthOptions"/> into JwtBearer settings (one place, so every host validates alike).</summary>
internal sealed class ConfigureJwtBearerOptions(IOptions<AuthOptions> authOptions, DevelopmentKeyStore keys)
    : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <summary>The only path prefix where a token may come from the query string (browsers cannot set WebSocket headers).</summary>
    public const string HubPathPrefix = "/hubs/";

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var auth = authOptions.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.EffectiveIssuer,
            ValidAudiences = [auth.Audience],
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidAlgorithms = [.. auth.ValidAlgorithms],
            ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds),
            NameClaimType = CareStreamClaims.Subject,
            RoleClaimType = CareStreamClaims.Role,
        };
        if (auth.UsesExternalAuthority)
        {
            options.Authority = auth.Authority;
            options.RequireHttpsMetadata = new Uri(auth.Authority!).Scheme == Uri.UriSchemeHttps || !new Uri(auth.Authority!).IsLoopback;
        }
        else
        {
            // Same process or same data folder: validate with the persisted public key, no HTTP round trip to ourselves.
            options.TokenValidationParameters.IssuerSigningKeys = [keys.PublicSigningKey];
        }

        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = ReadHubQueryToken,
            OnChallenge = FhirAuthOutcomes.ChallengeAsync,
            OnForbidden = FhirAuthOutcomes.ForbiddenAsync,
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(JwtBearerDefaults.AuthenticationScheme, options);

    private static Task ReadHubQueryToken(MessageReceivedContext context)
    {
        if (context.Request.Path.StartsWithSegments(HubPathPrefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
            && context.Request.Query.TryGetValue("access_token", out var token)
            && !string.IsNullOrEmpty(token))
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }
}

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace CareStream.Host.Security;

/// <summary>
/// HTTP hardening of every role (issue #7, docs/security-plan.md §7): rate limiting per client, CORS allow-list and hub
/// Origin check, security headers, HSTS, body-size and JSON-depth limits, and no request URLs in logs.
/// </summary>
public static class SecurityHostingExtensions
{
    /// <summary>Logging categories that print request URLs (the hub's <c>access_token</c> query) or headers: warnings only.</summary>
    internal static readonly string[] UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Server.Kestrel.BadRequests",
    ];

    public static WebApplicationBuilder AddCareStreamSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HubOriginCheck>();
        services.AddSingleton<RequestBodyLimit>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, o) => RateLimiting.Configure(limiter, o.Value));
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<SecurityOptions>>((cors, o) => cors.AddDefaultPolicy(policy =>
        {
            // No origins configured: the policy grants nobody; the dashboard is same-origin and needs no CORS.
            policy.WithOrigins([.. o.Value.CanonicalOrigins()]).AllowAnyHeader().AllowAnyMethod()
                .WithExposedHeaders("Location", "ETag", "Retry-After", "Content-Location");
        }));
        services.AddHsts(_ => { });
        services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((hsts, o) => hsts.MaxAge = o.Value.HstsMaxAge);
        // Bound without validation: UseExceptionHandler resolves the JSON options while the pipeline is built, before the
        // start-up validation that reports a bad Security setting in one line (a validating read here would crash instead).
        services.AddOptions<HttpJsonOptions>().Configure<IConfiguration>((json, configuration) =>
            json.SerializerOptions.MaxDepth = Math.Max(0, configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.MaxJsonDepth ?? new SecurityOptions().MaxJsonDepth));

        // S12: the hosting request log prints the query string, which carries access_token on /hubs/*. Rules for a
        // provider beat rules without one, so pin the console provider too; an operator must name a category to undo it.
        foreach (var category in UrlLoggingCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(category, LogLevel.Warning);
        }

        return builder;
    }

    /// <summary>Headers, HSTS, CORS, the hub Origin check and the body limit; call before authentication.</summary>
    public static WebApplication UseCareStreamSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(SecurityHeaders.InvokeAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts(); // only on HTTPS requests, never for localhost
        }

        app.UseCors();
        // Resolved per request (singletons), not here: options are validated at start, inside Program's try.
        app.Use((context, next) => context.RequestServices.GetRequiredService<HubOriginCheck>().InvokeAsync(context, next));
        app.Use((context, next) => context.RequestServices.GetRequiredService<RequestBodyLimit>().InvokeAsync(context, next));
        return app;
    }

    /// <summary>The per-client limiter; call after authentication (it partitions by the token's client) and before authorization.</summary>
    public static WebApplication UseCareStreamRateLimiting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (!app.Services.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
            {
                Log.RateLimitDisabled(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimiting).FullName!));
            }
        });

        app.UseRateLimiter();
        return app;
    }
}

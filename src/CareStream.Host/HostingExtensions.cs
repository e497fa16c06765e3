using System.Reflection;
using CareStream.Alerting;
using CareStream.Auth.Validation;
using CareStream.Dashboard;
using CareStream.FhirApi;
using CareStream.Host.Roles;
using CareStream.Host.Security;
using CareStream.Ingestion;
using CareStream.Live;
using CareStream.Messaging;
using CareStream.Storage;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CareStream.Host;

/// <summary>How the <c>carestream</c> executable wires modules for its roles. Program.cs reads like its table of contents.</summary>
public static class HostingExtensions
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Parses <c>--roles</c> (configuration key <c>Roles</c>) and registers the result.</summary>
    public static CareStreamRoles AddCareStreamRoles(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var roles = CareStreamRoles.Parse(builder.Configuration[CareStreamRoles.ConfigurationKey]);
        builder.Services.AddSingleton(roles);
        return roles;
    }

    /// <summary>Defaults every role shares: loopback URL, clock, console logs, health checks, problem details.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.Services.AddProblemDetails();
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>Maps health, system info and the endpoints of the active roles.</summary>
    public static WebApplication MapCareStream(this WebApplication app, CareStreamRoles roles)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(roles);
        app.UseExceptionHandler();
        app.UseCareStreamSecurity();          // headers, HSTS, CORS, hub Origin check, body limit
        app.UseCareStreamAuth(roles);
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapGet("/api/system", (IKafkaCluster kafka, IServiceProvider services) => new SystemInfo(
            typeof(HostingExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            roles.Names,
            new KafkaInfo(kafka.BootstrapServers, kafka.IsEmbedded),
            new DatabaseInfo(services.GetService<IDatabaseEndpoint>() switch
            {
                null => "none",
                { IsEmbedded: true } => "embedded",
                _ => "external",
            }))).RequireAuthorization(CareStreamPolicies.Administrator);
        app.MapEndpointCatalog();

        if (roles.Ingest)
        {
            app.MapIngestion();
        }

        if (roles.Api)
        {
            app.MapFhirApi();
            app.MapAlarmCommands();
        }

        if (roles.Live)
        {
            app.MapLive();
            app.MapDashboard();
        }

        return app;
    }
}

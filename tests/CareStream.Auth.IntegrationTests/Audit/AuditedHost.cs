using System.Diagnostics;
using System.Net;
using CareStream.Auth.Audit;
using CareStream.Auth.Validation;
using CareStream.Live.Hubs;
using CareStream.Storage;
using CareStream.Testing.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareStream.Auth.IntegrationTests.Audit;

/// <summary>
/// A TestServer wired like the host (exception handler, authentication, audit middleware, authorization) on a
/// migrated database, with stand-in patient-data routes guarded by the real policies and a stand-in hub with the
/// real <see cref="WardJoinAuditFilter"/>. Clients come from <see cref="Client"/> and <see cref="HubAsync"/> only.
/// </summary>
public sealed class AuditedHost : IAsyncLifetime
{
    public const string ClientAddress = "10.20.30.40";
    public const string BreakGlassReason = "Cardiac arrest on the corridor, patient not on my ward";

    private readonly ActivityListener _activities = new()
    {
        ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
    };

    private WebApplication? _app;

    public AuthDatabaseFixture Database { get; } = new();

    public TestTokens Tokens { get; } = TestTokens.InTemporaryDirectory();

    public TestServer Server => _app!.GetTestServer();

    public async ValueTask InitializeAsync()
    {
        ActivitySource.AddActivityListener(_activities);
        await Database.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Tokens.HostSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        builder.Services.AddSingleton<IDatabaseEndpoint>(new FixedDatabaseEndpoint(Database.ConnectionString));
        builder.Services.AddProblemDetails();
        builder.Services.AddCareStreamAuthentication();
        builder.Services.AddCareStreamAudit();
        builder.Services.AddSignalR(o => o.AddFilter<WardJoinAuditFilter>());
        _app = builder.Build();
        _app.Use((context, next) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
            return next(context);
        });
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.UseCareStreamAudit();
        _app.UseAuthorization();
        MapStandIns(_app);
        await _app.StartAsync();
    }

    /// <summary>The one way tests make HTTP clients: with a bearer token, or none.</summary>
    public HttpClient Client(string? token)
    {
        var client = Server.CreateClient();
        return token is null ? client : client.WithBearer(token);
    }

    /// <summary>A started hub connection (long polling over the TestServer), with a bearer token or none.</summary>
    public async Task<HubConnection> HubAsync(string? token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, "hubs/ward"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>Waits until the writer has stored at least <paramref name="count"/> rows (5 s), then returns them all.</summary>
    public async Task<List<AuditEventRecord>> RowsWhenAtLeastAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            await using var db = Database.CreateContext();
            var rows = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(TestContext.Current.CancellationToken);
            if (rows.Count >= count || DateTime.UtcNow > deadline)
            {
                return rows;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _activities.Dispose();
        await Database.DisposeAsync();
    }

    private static void MapStandIns(WebApplication app)
    {
        app.MapGet("/fhir/metadata", () => "capabilities");
        app.MapGet("/healthz/live", () => "ok");
        var fhir = app.MapGroup("/fhir").RequireAuthorization(CareStreamPolicies.Clinician);
        fhir.MapGet("/Observation", () => Results.Ok());
        fhir.MapGet("/Observation/{id}", (string id) => id == "missing" ? Results.NotFound() : Results.Ok());
        fhir.MapGet("/Observation/{id}/_history/{vid}", () => Results.Ok());
        fhir.MapGet("/Observation/$lastn", () => Results.Ok());
        fhir.MapGet("/Patient", () => Results.Ok());
        fhir.MapGet("/Patient/{id}", () => Results.Ok());
        fhir.MapPost("/Subscription", () => Results.Created());
        fhir.MapGet("/Flag/{id}", (string id) => id == "boom" ? throw new InvalidOperationException("stand-in failure") : Results.Ok());
        var patients = app.MapGroup("/api/patients/{patientId}").RequireAuthorization(CareStreamPolicies.Clinician);
        patients.MapPost("/alarms/{episodeId}/acknowledge", () => Results.Accepted());
        patients.MapPut("/limits", () => Results.Accepted());
        patients.MapDelete("/limits", () => Results.Accepted());
        app.MapPost("/api/adt/devices/{deviceId}/associate", () => Results.Accepted()).RequireAuthorization(CareStreamPolicies.Administrator);
        app.MapPost("/api/break-glass", (HttpContext context) =>
        {
            context.Items[AuditHttpContextExtensions.BreakGlassReasonItem] = BreakGlassReason;
            context.SetAuditPatient("pat-bg");
            return Results.Created();
        }).RequireAuthorization(CareStreamPolicies.Clinician);
        app.MapHub<StandInWardHub>("/hubs/ward").RequireAuthorization(CareStreamPolicies.Authenticated);
    }

    private sealed class FixedDatabaseEndpoint(string connectionString) : IDatabaseEndpoint
    {
        public string ConnectionString => connectionString;

        public bool IsEmbedded => false;
    }
}

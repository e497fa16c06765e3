using System.Net.Http.Headers;
using System.Text.Json;
using CareStream.Auth;
using CareStream.Auth.Validation;
using CareStream.Auth.Access;
using CareStream.Auth.Data;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.FhirApi.Access;
using CareStream.Storage;
using CareStream.Storage.Alerts;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using CareStream.Storage.Scores;
using CareStream.Testing.Auth;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CareStream.FhirApi.IntegrationTests;

/// <summary>
/// One migrated PostgreSQL database (PostgresFixture) and an in-process host serving only the FHIR API against it,
/// wired as the real host does (exception handler → OperationOutcome, JwtBearer validation, the real
/// <see cref="StaffWardAccess"/> on the migrated <c>auth</c> schema). <see cref="Http"/> sends an administrator token
/// (every ward); <see cref="ClientFor"/> sends any other. Tests seed through the storage writers and
/// <see cref="AddStaffAsync"/>. Break-glass grants run on <see cref="Clock"/> (a fake clock starting now).
/// </summary>
public sealed class FhirApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public PostgresFixture Database { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Mints tokens the host accepts (its key directory, issuer and audience).</summary>
    public TestTokens Tokens { get; } = TestTokens.InTemporaryDirectory();

    /// <summary>The clock of break-glass grants (advance it to expire them).</summary>
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    /// <summary>Requests the API marked as break-glass accesses (path and reason from HttpContext.Items), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string Path, string Reason)> BreakGlassAccesses { get; } = new();

    public ObservationWriter Writer => Database.Services.GetRequiredService<ObservationWriter>();

    /// <summary>Route patterns the host serves (for the CapabilityStatement consistency test).</summary>
    public IReadOnlyList<string> Routes => _app!.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints
        .OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>().Select(e => e.RoutePattern.RawText ?? "").ToList();

    public RegistryWriter Registry => Database.Services.GetRequiredService<RegistryWriter>();

    public News2ScoreStore News2Scores => Database.Services.GetRequiredService<News2ScoreStore>();

    public AlarmEventWriter Alarms => new(Database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Tokens.HostSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddSingleton(Database.Services.GetRequiredService<IDatabaseEndpoint>());
        // Bearer validation as in the host; tests send an administrator's token (scope and ward checks come on top).
        builder.Services.AddCareStreamAuthentication();
        builder.Services.AddSingleton<IBreakGlassGrants>(sp => new BreakGlassGrants(
            sp.GetRequiredService<IDbContextFactory<AuthDbContext>>(), sp.GetRequiredService<IOptions<AuthOptions>>(), Clock));
        builder.Services.AddSingleton(Database.Services.GetRequiredService<ObservationQueries>());
        builder.Services.AddSingleton(Database.Services.GetRequiredService<ObservationVersions>());
        builder.Services.AddSingleton(Database.Services.GetRequiredService<RegistryQueries>());
        builder.Services.AddSingleton(new AlarmQueries(Database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.AddSingleton(new AlarmAnalytics(Database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.AddSingleton(new CareStream.Storage.Notifications.SubscriptionStore(
            Database.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CareStream.Storage.CareStreamDbContext>>(), TimeProvider.System));
        builder.Services.AddSingleton(News2Scores);
        builder.Services.AddProblemDetails();
        builder.AddFhirApi();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Items.TryGetValue(FhirAccess.BreakGlassReasonItem, out var reason) && reason is string text)
            {
                BreakGlassAccesses.Enqueue((context.Request.Path + context.Request.QueryString, text));
            }
        });
        _app.UseAuthorization();
        _app.MapFhirApi();
        await MigrateAuthAsync();
        await _app.StartAsync();
        Http = ClientFor(Tokens.ForUser("usr-admin-eve", CareStreamRoles.Administrator, TestTokens.AdministratorScopes, TimeSpan.FromHours(6)));
    }

    /// <summary>A client of the in-process host sending <paramref name="token"/> (null: no Authorization header).</summary>
    public HttpClient ClientFor(string? token)
    {
        var client = _app!.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Adds a staff account assigned to <paramref name="wards"/> (what <see cref="StaffWardAccess"/> reads).</summary>
    public async Task AddStaffAsync(string subject, string role, params string[] wards)
    {
        await using var db = new AuthDbContext(AuthOptionsFor().Options);
        db.Users.Add(new AuthUser
        {
            Id = subject, UserName = subject, DisplayName = subject, PasswordHash = "-", Role = role, WardIds = wards,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Puts a new patient (with a device) into <paramref name="bed"/> of <paramref name="ward"/> at <paramref name="at"/>.</summary>
    public async Task<(PatientId Patient, DeviceId Device)> AdmitAsync(string ward, string bed, DateTimeOffset at)
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = Seed.NewPatient();
        var device = Seed.NewDevice();
        await Registry.UpsertPatientAsync(new PatientDemographics(patient, "MRN-" + patient.Value, "Synthetic", "Pat", new DateOnly(1970, 1, 1), "unknown"), ct);
        await Registry.RecordAssignmentAsync(new DeviceAssignment(device, new WardId(ward), new BedId(bed), patient, at), ct);
        return (patient, device);
    }

    private async Task MigrateAuthAsync()
    {
        await using var db = new AuthDbContext(AuthOptionsFor().Options);
        await db.Database.MigrateAsync();
    }

    private DbContextOptionsBuilder<AuthDbContext> AuthOptionsFor()
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDatabase.Configure(options, Database.ConnectionString);
        return options;
    }

    /// <summary>GETs <paramref name="path"/>, returning the status and the parsed JSON body.</summary>
    public async Task<(int Status, JsonElement Body)> GetAsync(string path, string? prefer = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (prefer is not null)
        {
            request.Headers.Add("Prefer", prefer);
        }

        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}

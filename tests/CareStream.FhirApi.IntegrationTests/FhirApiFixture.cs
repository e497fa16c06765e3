using System.Text.Json;
using CareStream.Auth;
using CareStream.Auth.Validation;
using CareStream.Storage.Alerts;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using CareStream.Storage.Scores;
using CareStream.Testing.Auth;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareStream.FhirApi.IntegrationTests;

/// <summary>
/// One migrated PostgreSQL database (PostgresFixture) and an in-process host serving only the FHIR API against it,
/// wired as the real host does (exception handler → OperationOutcome). Tests seed through the storage writers.
/// </summary>
public sealed class FhirApiFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public PostgresFixture Database { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    /// <summary>Mints tokens the in-process host accepts.</summary>
    public TestTokens Tokens { get; } = TestTokens.InTemporaryDirectory();

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
        builder.Services.AddSingleton(Database.Services.GetRequiredService<ObservationQueries>());
        builder.Services.AddSingleton(Database.Services.GetRequiredService<ObservationVersions>());
        builder.Services.AddSingleton(Database.Services.GetRequiredService<RegistryQueries>());
        builder.Services.AddSingleton(new AlarmQueries(Database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.AddSingleton(new AlarmAnalytics(Database.Services.GetRequiredService<Npgsql.NpgsqlDataSource>()));
        builder.Services.AddSingleton(new CareStream.Storage.Notifications.SubscriptionStore(
            Database.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<CareStream.Storage.CareStreamDbContext>>(), TimeProvider.System));
        builder.Services.AddSingleton(News2Scores);
        builder.Services.AddProblemDetails();
        // Bearer validation as in the host; tests send an administrator's token (scope and ward checks come on top).
        builder.Configuration.AddInMemoryCollection(Tokens.HostSettings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.AddCareStreamAuthentication();
        builder.AddFhirApi();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapFhirApi();
        await _app.StartAsync();
        Http = _app.GetTestClient().WithBearer(
            Tokens.ForUser("usr-admin-eve", CareStreamRoles.Administrator, TestTokens.AdministratorScopes, TimeSpan.FromHours(4)));
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

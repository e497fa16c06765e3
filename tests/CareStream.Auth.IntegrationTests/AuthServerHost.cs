using CareStream.Auth.Keys;
using CareStream.Auth.Server;
using CareStream.Auth.Validation;
using CareStream.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Auth.IntegrationTests;

/// <summary>
/// The embedded server and the bearer validation in one test host (TestServer, issuer http://localhost/), on a
/// migrated database, with three stand-in API routes guarded by the real policies.
/// </summary>
public sealed class AuthServerHost : IAsyncLifetime
{
    public const string Issuer = "http://localhost/";
    public const string RedirectUri = "http://localhost/dashboard/callback";

    private readonly AuthDatabaseFixture _database = new();
    private WebApplication? _app;

    public DevelopmentKeyStore Keys { get; private set; } = null!;

    public TestServer Server => _app!.GetTestServer();

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var directory = Path.Combine(Path.GetTempPath(), $"carestream-auth-it-{Guid.NewGuid():N}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = Issuer,
            ["Auth:Audience"] = "carestream-fhir",
            ["Auth:DataDirectory"] = directory,
            ["Auth:DashboardRedirectUri"] = RedirectUri,
        });
        builder.Services.AddSingleton<IDatabaseEndpoint>(new FixedDatabaseEndpoint(_database.ConnectionString));
        builder.Services.AddCareStreamAuthServer();
        builder.Services.AddCareStreamAuthentication();
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapCareStreamAuthServer();
        _app.MapGet("/fhir/Observation", (HttpContext c) => c.User.FindFirst("sub")?.Value).RequireAuthorization(CareStreamPolicies.Clinician);
        _app.MapPost("/fhir/Observation", () => Results.Created()).RequireAuthorization(CareStreamPolicies.ObservationWriter);
        _app.MapGet("/fhir/AuditEvent", () => "audit").RequireAuthorization(CareStreamPolicies.Administrator);
        await _app.StartAsync();
        Keys = new DevelopmentKeyStore(directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _database.DisposeAsync();
        try
        {
            Directory.Delete(Keys.Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedDatabaseEndpoint(string connectionString) : IDatabaseEndpoint
    {
        public string ConnectionString => connectionString;

        public bool IsEmbedded => false;
    }
}

using CareStream.Auth.Audit;
using CareStream.Auth.Data;
using CareStream.Auth.Validation;
using CareStream.FhirApi.Audit;
using CareStream.Storage;
using CareStream.Testing.Auth;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareStream.FhirApi.IntegrationTests.Audit;

/// <summary>
/// A database with the auth schema migrated and a TestServer serving <c>/fhir/AuditEvent</c> behind the real bearer
/// validation and policies (tokens from <see cref="Tokens"/>). Clients come from <see cref="Client"/> only.
/// </summary>
public sealed class AuditEventApiFixture : IAsyncLifetime
{
    private readonly string _databaseName = $"carestream_audit_api_{Guid.NewGuid():N}";
    private WebApplication? _app;

    public TestTokens Tokens { get; } = TestTokens.InTemporaryDirectory();

    public AuditEventStore Store => _app!.Services.GetRequiredService<AuditEventStore>();

    public async ValueTask InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await cluster.EnsureDatabaseAsync(_databaseName, CancellationToken.None);
        var connectionString = cluster.GetConnectionString(_databaseName);
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDatabase.Configure(options, connectionString);
        await using (var db = new AuthDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(Tokens.HostSettings.ToDictionary(p => p.Key, p => (string?)p.Value));
        builder.Services.AddSingleton<IDatabaseEndpoint>(new FixedDatabaseEndpoint(connectionString));
        builder.Services.AddProblemDetails();
        builder.Services.AddCareStreamAuthentication();
        builder.Services.AddSingleton<AuditEventStore>();
        builder.AddFhirApi();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.UseAuthentication();
        _app.UseAuthorization();
        _app.MapGroup(FhirApiExtensions.BasePath).MapAuditEventEndpoints();
        await _app.StartAsync();
    }

    /// <summary>The one way tests make HTTP clients: with a bearer token, or none.</summary>
    public HttpClient Client(string? token)
    {
        var client = _app!.GetTestClient();
        return token is null ? client : client.WithBearer(token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        var cluster = await PostgresTestCluster.GetAsync();
        await using var connection = new NpgsqlConnection(cluster.GetConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private sealed class FixedDatabaseEndpoint(string connectionString) : IDatabaseEndpoint
    {
        public string ConnectionString => connectionString;

        public bool IsEmbedded => false;
    }
}

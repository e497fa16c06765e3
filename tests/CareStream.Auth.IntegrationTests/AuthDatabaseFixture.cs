using CareStream.Auth.Data;
using CareStream.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareStream.Auth.IntegrationTests;

/// <summary>A fresh database on the shared test cluster with the <c>auth</c> schema migrated.</summary>
public sealed class AuthDatabaseFixture : IAsyncLifetime
{
    public string DatabaseName { get; } = $"carestream_auth_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await cluster.EnsureDatabaseAsync(DatabaseName, CancellationToken.None);
        ConnectionString = cluster.GetConnectionString(DatabaseName);
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public AuthDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AuthDbContext>();
        AuthDatabase.Configure(options, ConnectionString);
        return new AuthDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var cluster = await PostgresTestCluster.GetAsync();
        await using var connection = new NpgsqlConnection(cluster.GetConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

using CareStream.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace CareStream.Testing.Postgres;

/// <summary>
/// A fresh database (unique name, migrations applied) on the shared test cluster, with the storage services wired
/// against it. Share it per class (<c>IClassFixture</c>) or per collection (<c>ICollectionFixture</c>); tests keep
/// their data apart by using their own patient and device ids.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public string DatabaseName { get; } = $"carestream_test_{Guid.NewGuid():N}";

    /// <summary>Connection string of this fixture's database.</summary>
    public string ConnectionString { get; private set; } = "";

    /// <summary>Storage services (writer, queries, registry, maintenance) bound to this fixture's database.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync()
    {
        var cluster = await PostgresTestCluster.GetAsync();
        await cluster.EnsureDatabaseAsync(DatabaseName, CancellationToken.None);
        ConnectionString = cluster.GetConnectionString(DatabaseName);
        _services = CreateServices(ConnectionString);
        await StorageExtensions.MigrateAsync(_services, CancellationToken.None);
    }

    /// <summary>A service provider with <c>AddStorage()</c> pointed at <paramref name="connectionString"/>.</summary>
    public static ServiceProvider CreateServices(string connectionString, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = connectionString };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddStorage();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        var cluster = await PostgresTestCluster.GetAsync();
        await using var connection = new NpgsqlConnection(cluster.GetConnectionString("postgres"));
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

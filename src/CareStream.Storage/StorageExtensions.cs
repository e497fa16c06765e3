using CareStream.Storage.Observations;
using CareStream.Storage.Partitions;
using CareStream.Storage.Registry;
using CareStream.Storage.Scores;
using CareStream.Storage.Unassociated;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareStream.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// Registers the storage layer: options, the embedded PostgreSQL cluster when <c>ConnectionStrings:CareStream</c>
    /// is absent, the data source, the pooled DbContext factory, writers, queries, partition maintenance and the
    /// <c>postgres</c> readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddStorage(builder.Services);
        return builder;
    }

    /// <summary>The same registrations on a bare service collection (tests, tools).</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();

        // First hosted service of the module: the database exists and is migrated before the workers run.
        services.AddSingleton<DatabaseEndpoint>();
        services.AddSingleton<IDatabaseEndpoint>(sp => sp.GetRequiredService<DatabaseEndpoint>());
        services.AddHostedService<StorageStartupService>();

        // The writer keeps its COPY staging table per physical connection, so connections skip DISCARD ALL on return.
        services.AddSingleton(sp => new NpgsqlDataSourceBuilder(DataSourceConnectionString(
                sp.GetRequiredService<IDatabaseEndpoint>().ConnectionString, sp.GetRequiredService<IOptions<StorageOptions>>().Value))
            .UseLoggerFactory(sp.GetRequiredService<ILoggerFactory>())
            .Build());
        services.AddPooledDbContextFactory<CareStreamDbContext>((sp, options) =>
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CareStreamDbContext>>().CreateDbContext());

        services.AddSingleton<StorageMetrics>();
        services.AddSingleton<PartitionManager>();
        services.AddSingleton<ObservationWriter>();
        services.AddSingleton<ObservationQueries>();
        services.AddSingleton<ObservationVersions>();
        services.AddSingleton<RegistryWriter>();
        services.AddSingleton<RegistryQueries>();
        services.TryAddSingleton<WardStayQueries>();
        services.AddSingleton<UnassociatedReadingStore>();
        services.AddSingleton<News2ScoreStore>();
        services.AddSingleton<PartitionMaintenanceWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<PartitionMaintenanceWorker>());
        services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// The data source's connection string: no reset on close, the pool capped at <see cref="StorageOptions.MaxPoolSize"/>
    /// and automatic preparation at <see cref="StorageOptions.MaxAutoPrepare"/>, unless the connection string sets
    /// <c>Maximum Pool Size</c> or <c>Max Auto Prepare</c> itself.
    /// </summary>
    internal static string DataSourceConnectionString(string connectionString, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant())
            .ToHashSet();
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { NoResetOnClose = true };
        if (!given.Contains("MAXIMUMPOOLSIZE") && !given.Contains("MAXPOOLSIZE"))
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// Applies pending migrations and creates today's partitions. The embedded default calls this at start; a shared
    /// cluster runs it once through <c>carestream migrate</c>.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        Log.ApplyingMigrations(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageExtensions)));
        var contexts = services.GetRequiredService<IDbContextFactory<CareStreamDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // Types created by the migration (none mapped today) would need a reload of Npgsql's type cache here.
        await services.GetRequiredService<PartitionMaintenanceWorker>().RunOnceAsync(cancellationToken);
    }
}

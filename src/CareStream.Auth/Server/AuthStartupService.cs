using CareStream.Auth.Data;
using CareStream.Auth.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.Server;

/// <summary>Before the server takes requests: keys exist, the <c>auth</c> schema is migrated, demo data is seeded.</summary>
internal sealed class AuthStartupService(
    IServiceProvider services, IOptions<AuthOptions> options, DevelopmentKeyStore keys, ILogger<AuthStartupService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existed = keys.Exists;
        _ = keys.SigningKey;
        _ = keys.EncryptionKey;
        if (!existed)
        {
            Log.CreatedDevelopmentKeys(logger, keys.Directory);
        }

        var contexts = services.GetRequiredService<IDbContextFactory<AuthDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        Log.Migrated(logger);
        if (options.Value.SeedDemoData)
        {
            await using var scope = services.CreateAsyncScope();
            var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);
            var (users, clients) = await seeder.SeedAsync(cancellationToken);
            Log.SeededDemoData(logger, users, clients);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

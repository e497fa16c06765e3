using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Data;

/// <summary>The one place that configures the provider for <see cref="AuthDbContext"/> (runtime, design time, tests).</summary>
public static class AuthDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(AuthDbContext.MigrationsHistoryTable, AuthDbContext.Schema))
            .UseOpenIddict();
    }
}

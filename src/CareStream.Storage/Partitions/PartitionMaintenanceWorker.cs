using CareStream.Storage.Observations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareStream.Storage.Partitions;

/// <summary>Creates day partitions ahead of time and drops those past retention, once at start and then periodically.</summary>
public sealed class PartitionMaintenanceWorker(
    NpgsqlDataSource dataSource,
    PartitionManager partitions,
    IOptions<StorageOptions> options,
    TimeProvider timeProvider,
    ILogger<PartitionMaintenanceWorker> logger) : BackgroundService
{
    private const long MaintenanceLockKey = 0x4361_7265_5374_7201; // arbitrary, fixed: ASCII "CareStr" + 1

    /// <summary>
    /// One maintenance pass: partitions for today … today + PartitionsAheadDays, drop those before
    /// today − RetentionDays, compact the indexes of finished days.
    /// </summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var today = PartitionManager.DayOf(timeProvider.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Every store replica runs this worker; one pass at a time is enough. The session lock must be released
        // explicitly: pooled connections are not reset on return (see StorageExtensions).
        if (!await AdvisoryLockAsync(connection, "SELECT pg_try_advisory_lock($1)", cancellationToken))
        {
            return;
        }

        try
        {
            await partitions.EnsureAsync(
                connection, Enumerable.Range(0, settings.PartitionsAheadDays + 1).Select(today.AddDays), cancellationToken);
            await partitions.DropBeforeAsync(
                connection, today.AddDays(-settings.RetentionDays), today.AddDays(-settings.TrendRetentionDays), cancellationToken);
            foreach (var day in (await PartitionManager.ListAsync(connection, cancellationToken)).Where(d => d < today))
            {
                await partitions.CompactAsync(connection, day, cancellationToken);
            }
        }
        finally
        {
            await AdvisoryLockAsync(connection, "SELECT pg_advisory_unlock($1)", CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                // Writers create missing partitions themselves, so a failed pass only delays housekeeping.
                Log.MaintenanceFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private static async Task<bool> AdvisoryLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(MaintenanceLockKey);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

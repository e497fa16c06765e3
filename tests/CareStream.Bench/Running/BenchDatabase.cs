using CareStream.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareStream.Bench.Running;

/// <summary>
/// The run's PostgreSQL: a given connection string, or a private cluster the harness starts (initdb + pg_ctl, as the
/// host's embedded default does) and hands to the host, so the harness can read sizes and check every reading.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly EmbeddedPostgresServer? _server;
    private readonly string? _directory;

    private BenchDatabase(string connectionString, EmbeddedPostgresServer? server, string? directory)
    {
        ConnectionString = connectionString;
        _server = server;
        _directory = directory;
    }

    public string ConnectionString { get; }

    public bool IsPrivate => _server is not null;

    public static async Task<BenchDatabase> StartAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new BenchDatabase(connectionString, null, null);
        }

        var directory = Path.Combine(Path.GetTempPath(), $"carestream-bench-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            // The server runs as user postgres when we are root: it must be able to traverse the folder.
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        var server = new EmbeddedPostgresServer(Path.Combine(directory, "data"), null, NullLogger<EmbeddedPostgresServer>.Instance);
        await server.StartAsync(cancellationToken);
        return new BenchDatabase(server.ConnectionString, server, directory);
    }

    public async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Rows inserted into the observation partitions so far (statistics; flushed about once a second).</summary>
    public Task<long> RowsInsertedAsync(CancellationToken cancellationToken) => ScalarAsync(
        "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE schemaname = 'public' AND relname LIKE 'observation\\_p%'",
        cancellationToken);

    /// <summary>Open monitor assignments of the bench devices that already name the patient (the registry caught up).</summary>
    public async Task<long> AssignedBenchDevicesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ScalarAsync(
                "SELECT count(DISTINCT device_id) FROM device_assignment WHERE device_id LIKE 'bench-monitor-%' AND valid_to IS NULL AND patient_id IS NOT NULL",
                cancellationToken);
        }
        catch (PostgresException)
        {
            return 0; // schema not there yet
        }
    }

    /// <summary>Table + index bytes of every observation partition, of the trend tier, and the observation row count.</summary>
    public async Task<(long ObservationBytes, long TrendBytes, long Rows)> SizesAsync(CancellationToken cancellationToken)
    {
        await ScalarAsync("CHECKPOINT", cancellationToken);
        var bytes = await ScalarAsync(
            "SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree('observation')", cancellationToken);
        var trend = await ScalarAsync("SELECT pg_total_relation_size('observation_trend')", cancellationToken);
        var rows = await ScalarAsync("SELECT count(*) FROM observation", cancellationToken);
        return (bytes, trend, rows);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            try
            {
                Directory.Delete(_directory!, recursive: true);
            }
            catch (IOException)
            {
                // best effort: a leftover temp folder must not fail the run
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareStream.Storage.Observations;

/// <summary>Creates day partitions of <c>observation</c> (UTC days) and drops expired ones.</summary>
public sealed class PartitionManager(ILogger<PartitionManager> logger)
{
    private const string Prefix = "observation_p";
    private readonly ConcurrentDictionary<DateOnly, bool> _known = new();

    public static string PartitionName(DateOnly day) => Prefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    /// <summary>Creates the partitions of <paramref name="days"/> that this process has not seen yet.</summary>
    public async Task EnsureAsync(NpgsqlConnection connection, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var day in days.Distinct().Where(d => !_known.ContainsKey(d)))
        {
            var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await using var command = new NpgsqlCommand(
                $"CREATE TABLE IF NOT EXISTS {PartitionName(day)} PARTITION OF observation FOR VALUES FROM ('{from} 00:00+00') TO ('{to} 00:00+00')",
                connection);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                Log.PartitionCreated(logger, PartitionName(day));
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
            {
                // Another writer created it concurrently: that is the state we wanted.
            }

            _known[day] = true;
        }
    }

    /// <summary>Forget what exists (after "no partition for row": someone else dropped one).</summary>
    public void Forget() => _known.Clear();

    /// <summary>Day partitions that currently exist, oldest first.</summary>
    public static async Task<IReadOnlyList<DateOnly>> ListAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'observation'::regclass",
            connection);
        var days = new List<DateOnly>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(name[Prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }

        days.Sort();
        return days;
    }

    /// <summary>
    /// Rebuilds a finished day's primary-key index packed full (fillfactor 100). While a day is live its index pages
    /// split half-empty, because 256+ (patient, kind) runs grow side by side (~64 bytes per reading measured); packed,
    /// an entry costs ~36 bytes. Returns false when the partition is missing or already compacted.
    /// </summary>
    public async Task<bool> CompactAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var find = new NpgsqlCommand(
            "SELECT i.indexrelid::regclass::text, coalesce('fillfactor=100' = ANY(c.reloptions), false) FROM pg_index i "
            + "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass($1) AND i.indisprimary",
            connection);
        find.Parameters.AddWithValue(PartitionName(day));
        string index;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || reader.GetBoolean(1))
            {
                return false;
            }

            index = reader.GetString(0);
        }

        // REINDEX CONCURRENTLY keeps the partition readable and writable (late readings) while it runs.
        await using var compact = new NpgsqlCommand($"ALTER INDEX {index} SET (fillfactor = 100)", connection);
        await compact.ExecuteNonQueryAsync(cancellationToken);
        await using var reindex = new NpgsqlCommand($"REINDEX INDEX CONCURRENTLY {index}", connection);
        await reindex.ExecuteNonQueryAsync(cancellationToken);
        Log.PartitionCompacted(logger, PartitionName(day));
        return true;
    }

    /// <summary>Drops partitions of days before <paramref name="cutoff"/> and trend rows before <paramref name="trendCutoff"/>.</summary>
    public async Task<int> DropBeforeAsync(NpgsqlConnection connection, DateOnly cutoff, DateOnly trendCutoff, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var day in (await ListAsync(connection, cancellationToken)).Where(d => d < cutoff))
        {
            await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {PartitionName(day)}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
            _known.TryRemove(day, out _);
            Log.PartitionDropped(logger, PartitionName(day));
            dropped++;
        }

        await using var trend = new NpgsqlCommand("DELETE FROM observation_trend WHERE minute < $1", connection);
        trend.Parameters.AddWithValue(new DateTimeOffset(trendCutoff.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
        await trend.ExecuteNonQueryAsync(cancellationToken);
        return dropped;
    }
}

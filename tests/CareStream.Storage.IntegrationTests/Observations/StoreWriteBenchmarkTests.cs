using System.Diagnostics;
using System.Globalization;
using System.Text;
using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.IntegrationTests.Observations;

/// <summary>
/// The store-write benchmark (figures in docs/benchmarks.md): the same W1-shaped batches (32 beds × 8 numerics,
/// one batch per 20 s of ward time) written by the fast path (COPY straight into the partitioned table + trend from
/// memory), by the idempotent staging path (COPY → temp table → INSERT … ON CONFLICT DO NOTHING + trend merge), and by
/// a bare binary COPY into an unindexed temp table (the ceiling). Rounds alternate the paths so a noisy machine
/// hurts them alike; the report gives medians and ratios. Asserts only that every path stored every reading.
/// Set CARESTREAM_STORE_BENCH_ROUNDS / _SECONDS / _BATCH_SECONDS for a longer run or other batch sizes.
/// </summary>
public sealed class StoreWriteBenchmarkTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const int Beds = 32;
    private static readonly int BatchSeconds = Setting("CARESTREAM_STORE_BENCH_BATCH_SECONDS", 20);

    [Fact]
    public async Task GivenWardShapedBatches_WhenWrittenByEachPath_ThenEveryReadingIsStoredAndTheRatesAreReported()
    {
        var ct = TestContext.Current.CancellationToken;
        var rounds = Setting("CARESTREAM_STORE_BENCH_ROUNDS", 1);
        var seconds = Setting("CARESTREAM_STORE_BENCH_SECONDS", 200); // 200 s × 256 = 51,200 readings per path per round
        var writer = fixture.Services.GetRequiredService<ObservationWriter>();
        var rates = new Dictionary<string, List<double>> { ["fast"] = [], ["staging"] = [], ["copy"] = [] };
        var day = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
        long fastRows = 0;

        for (var round = 0; round < rounds; round++)
        {
            var fast = Batches(day.AddDays(round * 3), seconds);
            var staging = Batches(day.AddDays((round * 3) + 1), seconds);
            var copy = Batches(day.AddDays((round * 3) + 2), seconds);

            // Alternate which path goes first, so warm-up and load swings do not favour one.
            (long Rows, TimeSpan Elapsed) fastResult = default, stagingResult = default;
            if (round % 2 == 0)
            {
                fastResult = await TimeAsync(fast, b => writer.WriteAsync(b, ct));
                stagingResult = await TimeAsync(staging, b => writer.WriteThroughStagingAsync(b, ct));
            }
            else
            {
                stagingResult = await TimeAsync(staging, b => writer.WriteThroughStagingAsync(b, ct));
                fastResult = await TimeAsync(fast, b => writer.WriteAsync(b, ct));
            }

            var (fastStored, fastTime) = fastResult;
            var (stagingStored, stagingTime) = stagingResult;
            var (copied, copyTime) = await TimeAsync(copy, b => CopyOnlyAsync(b, ct));

            Assert.Equal(fast.Sum(b => b.Count), fastStored);
            Assert.Equal(staging.Sum(b => b.Count), stagingStored);
            Assert.Equal(copy.Sum(b => b.Count), copied);
            rates["fast"].Add(fastStored / fastTime.TotalSeconds);
            rates["staging"].Add(stagingStored / stagingTime.TotalSeconds);
            rates["copy"].Add(copied / copyTime.TotalSeconds);
            fastRows += fastStored;
        }

        var bytesPerReading = await FastPathBytesPerReadingAsync(day, rounds, fastRows, ct);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"store write, {rounds} round(s) × {seconds * Beds * 8:N0} readings per path, {Beds * 8 * BatchSeconds:N0}-row batches: ");
        foreach (var (name, values) in rates)
        {
            report.Append(CultureInfo.InvariantCulture, $"{name} median {Median(values):N0} rows/s [{string.Join(", ", values.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))}]; ");
        }

        report.Append(CultureInfo.InvariantCulture, $"fast/staging {Median(rates["fast"]) / Median(rates["staging"]):F2}, fast/copy {Median(rates["fast"]) / Median(rates["copy"]):F2}; ");
        report.Append(CultureInfo.InvariantCulture, $"fast-path days (live, uncompacted) {bytesPerReading:F1} bytes/reading");
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        TestContext.Current.SendDiagnosticMessage(report.ToString());
        if (Environment.GetEnvironmentVariable("CARESTREAM_STORE_BENCH_OUT") is { Length: > 0 } path)
        {
            await File.AppendAllTextAsync(path, report + Environment.NewLine, ct);
        }
    }

    private static List<List<VitalSignReading>> Batches(DateTimeOffset start, int seconds)
    {
        var beds = Enumerable.Range(0, Beds).Select(_ => (Patient: SyntheticReadings.NewPatient(), Device: SyntheticReadings.NewDevice())).ToArray();
        var batches = new List<List<VitalSignReading>>();
        for (var second = 0; second < seconds; second += BatchSeconds)
        {
            var batch = new List<VitalSignReading>();
            for (var s = second; s < Math.Min(second + BatchSeconds, seconds); s++)
            {
                foreach (var (patient, device) in beds)
                {
                    foreach (var kind in Enum.GetValues<VitalSignKind>())
                    {
                        var effective = start.AddHours(10).AddSeconds(s);
                        batch.Add(new VitalSignReading(SyntheticReadings.IdFor(device, kind, effective), patient, device, kind, 147842, 60 + (s % 40), effective, ObservationStatus.Preliminary));
                    }
                }
            }

            batches.Add(batch);
        }

        return batches;
    }

    private static async Task<(long Rows, TimeSpan Elapsed)> TimeAsync(List<List<VitalSignReading>> batches, Func<List<VitalSignReading>, Task<int>> write)
    {
        long rows = 0;
        var elapsed = TimeSpan.Zero;
        foreach (var batch in batches)
        {
            var started = Stopwatch.GetTimestamp();
            rows += await write(batch);
            elapsed += Stopwatch.GetElapsedTime(started);
        }

        return (rows, elapsed);
    }

    /// <summary>The ceiling: the same rows by binary COPY into an unindexed temp table, committed durably.</summary>
    private async Task<int> CopyOnlyAsync(List<VitalSignReading> batch, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE copy_ceiling (effective timestamptz, observation_key bigint, patient_key integer, source_key integer, value real, kind smallint, status smallint)",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY copy_ceiling FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var reading in batch)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(reading.EffectiveAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(ObservationKey.FromId(reading.ObservationId), NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                await importer.WriteAsync((float)reading.Value, NpgsqlDbType.Real, cancellationToken);
                await importer.WriteAsync((short)reading.Kind, NpgsqlDbType.Smallint, cancellationToken);
                await importer.WriteAsync((short)reading.Status, NpgsqlDbType.Smallint, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return batch.Count;
    }

    private async Task<double> FastPathBytesPerReadingAsync(DateTimeOffset day, int rounds, long rows, CancellationToken cancellationToken)
    {
        var names = Enumerable.Range(0, rounds).Select(r => PartitionManager.PartitionName(DateOnly.FromDateTime(day.AddDays(r * 3).UtcDateTime))).ToArray();
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var size = new NpgsqlCommand("SELECT sum(pg_total_relation_size(to_regclass(n))) FROM unnest($1::text[]) n", connection);
        size.Parameters.AddWithValue(names);
        return (double)(decimal)(await size.ExecuteScalarAsync(cancellationToken))! / rows;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}

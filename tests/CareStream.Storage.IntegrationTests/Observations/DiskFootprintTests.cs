using System.Diagnostics;
using System.Globalization;
using CareStream.Domain.Vitals;
using CareStream.Storage.Observations;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Observations;

/// <summary>
/// Bytes per reading on disk (heap + primary-key index + FSM/VM of the day partitions) for a W1-like ward load:
/// 32 beds × 8 numerics at 1 Hz. The ≤ 100 bytes target holds for finished (compacted) days; the live day's figure
/// is reported alongside. The write rate is printed for information only; timing is the benchmark's job.
/// </summary>
public sealed class DiskFootprintTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private const int Beds = 32;
    private const int Seconds = 391; // 32 × 8 × 391 ≈ 100 k readings
    private const double TargetBytesPerReading = 100;

    [Fact]
    public async Task GivenHundredThousandReadings_WhenStored_ThenTheyTakeAtMostTheTargetBytesPerReading()
    {
        var writer = fixture.Services.GetRequiredService<ObservationWriter>();
        var start = new DateTimeOffset(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);
        var beds = Enumerable.Range(0, Beds).Select(_ => (Patient: SyntheticReadings.NewPatient(), Device: SyntheticReadings.NewDevice())).ToArray();
        var total = 0;
        var elapsed = TimeSpan.Zero;

        // One batch per 20 s of ward time (5 120 readings), interleaved like the Kafka stream.
        for (var second = 0; second < Seconds; second += 20)
        {
            var batch = new List<VitalSignReading>();
            for (var s = second; s < Math.Min(second + 20, Seconds); s++)
            {
                foreach (var (patient, device) in beds)
                {
                    foreach (var kind in Enum.GetValues<VitalSignKind>())
                    {
                        var effective = start.AddSeconds(s);
                        batch.Add(new VitalSignReading(SyntheticReadings.IdFor(device, kind, effective), patient, device, kind, 147842, 60 + (s % 40), effective, ObservationStatus.Preliminary));
                    }
                }
            }

            var started = Stopwatch.GetTimestamp();
            total += await writer.WriteAsync(batch, TestContext.Current.CancellationToken);
            elapsed += Stopwatch.GetElapsedTime(started);
        }

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var (liveTotal, liveHeap) = await SizeAsync(connection);
        await fixture.Services.GetRequiredService<PartitionManager>().CompactAsync(connection, DateOnly.FromDateTime(start.UtcDateTime), TestContext.Current.CancellationToken);
        var (compactedTotal, _) = await SizeAsync(connection);

        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"{total} readings: live day {liveTotal / total:F1} bytes/reading (heap {liveHeap / total:F1}, index {(liveTotal - liveHeap) / total:F1}); "
            + $"compacted day {compactedTotal / total:F1} bytes/reading; write {total / elapsed.TotalSeconds:F0} rows/s over {elapsed.TotalSeconds:F2} s in 5 120-row batches");
        TestContext.Current.SendDiagnosticMessage(report);
        Console.WriteLine(report);
        Assert.Equal(Beds * 8 * Seconds, total);
        Assert.True(compactedTotal / total <= TargetBytesPerReading, $"exceeds {TargetBytesPerReading}: {report}");
    }

    private static async Task<(double Total, double Heap)> SizeAsync(NpgsqlConnection connection)
    {
        await using var size = new NpgsqlCommand(
            "SELECT sum(pg_total_relation_size(i.inhrelid)), sum(pg_relation_size(i.inhrelid)) FROM pg_inherits i WHERE i.inhparent = 'observation'::regclass",
            connection);
        await using var reader = await size.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        await reader.ReadAsync(TestContext.Current.CancellationToken);
        return ((double)reader.GetDecimal(0), (double)reader.GetDecimal(1));
    }
}

using CareStream.Bench.Load;
using Npgsql;

namespace CareStream.Bench.Running;

/// <summary>
/// After the run: every acknowledged reading — (device, kind, effective ms) — must be in PostgreSQL exactly once, with
/// one observation id, and nothing else from the bench devices may be there.
/// </summary>
public static class ExactlyOnceCheck
{
    public static async Task<ExactlyOnceResult> RunAsync(
        string connectionString, IReadOnlyList<BenchBed> beds, IReadOnlyList<PublishedMessage> published, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beds);
        ArgumentNullException.ThrowIfNull(published);
        var expected = new HashSet<(string Device, short Kind, long Ms)>();
        foreach (var message in published)
        {
            foreach (var (kind, _, _) in message.Stream.Kinds)
            {
                expected.Add((beds[message.Bed].Device, (short)kind, message.EffectiveMs));
            }
        }

        long rows = 0, distinct = 0, duplicated = 0, unexpected = 0, found = 0;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT s.device_id, o.kind, round(extract(epoch FROM o.effective) * 1000)::bigint, count(*), count(DISTINCT o.observation_key)
            FROM observation o JOIN observation_source s USING (source_key)
            WHERE s.device_id LIKE 'bench-monitor-%'
            GROUP BY 1, 2, 3
            """, connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var count = reader.GetInt64(3);
            rows += count;
            distinct++;
            if (count > 1 || reader.GetInt64(4) > 1)
            {
                duplicated++;
            }

            if (expected.Contains((reader.GetString(0), reader.GetInt16(1), reader.GetInt64(2))))
            {
                found++;
            }
            else
            {
                unexpected++;
            }
        }

        return new ExactlyOnceResult(expected.Count, rows, distinct, expected.Count - found, duplicated, unexpected);
    }
}

using CareStream.Domain;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.Scores;

/// <summary>
/// The NEWS2 history (<c>news2_score</c>, append-only): the store role inserts each published outcome once (a
/// redelivered record is a no-op by its key, patient + computedAt), the FHIR API reads a patient's time range.
/// </summary>
public sealed class News2ScoreStore(NpgsqlDataSource dataSource)
{
    private const string InsertSql = """
        INSERT INTO news2_score (patient, computed_at, score, response_level, scale, missing, ward, bed)
        VALUES (@patient, @computed_at, @score, @response_level, @scale, @missing, @ward, @bed)
        ON CONFLICT (patient, computed_at) DO NOTHING
        """;

    private const string SelectSql = """
        SELECT patient, computed_at, score, response_level, scale, missing, ward, bed
        FROM news2_score
        WHERE patient = @patient AND computed_at >= @from AND computed_at < @to
        ORDER BY computed_at
        LIMIT @limit
        """;

    /// <summary>Inserts <paramref name="scores"/> in one transaction and round trip; rows already stored are skipped.</summary>
    /// <returns>How many rows were new.</returns>
    public async Task<int> WriteAsync(IReadOnlyList<News2ScoreRecord> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0)
        {
            return 0;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var score in scores)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            var p = command.Parameters;
            p.AddWithValue("patient", score.Patient);
            p.AddWithValue("computed_at", score.ComputedAt.ToUniversalTime());
            p.AddWithValue("score", NpgsqlDbType.Smallint, score.Score is { } s ? (short)s : DBNull.Value);
            p.AddWithValue("response_level", NpgsqlDbType.Text, (object?)score.ResponseLevel ?? DBNull.Value);
            p.AddWithValue("scale", (short)score.Scale);
            p.AddWithValue("missing", NpgsqlDbType.Array | NpgsqlDbType.Text, score.Missing.ToArray());
            p.AddWithValue("ward", NpgsqlDbType.Text, (object?)score.Ward ?? DBNull.Value);
            p.AddWithValue("bed", NpgsqlDbType.Text, (object?)score.Bed ?? DBNull.Value);
            batch.BatchCommands.Add(command);
        }

        var inserted = await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    /// <summary>The patient's outcomes computed in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<News2ScoreRecord>> ReadAsync(
        PatientId patient, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(SelectSql);
        command.Parameters.AddWithValue("patient", patient.Value);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<News2ScoreRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new News2ScoreRecord(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                await reader.IsDBNullAsync(2, cancellationToken) ? null : reader.GetInt16(2),
                await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3),
                reader.GetInt16(4),
                reader.GetFieldValue<string[]>(5),
                await reader.IsDBNullAsync(6, cancellationToken) ? null : reader.GetString(6),
                await reader.IsDBNullAsync(7, cancellationToken) ? null : reader.GetString(7)));
        }

        return rows;
    }
}

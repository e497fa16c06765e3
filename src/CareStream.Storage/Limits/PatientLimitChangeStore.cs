using Npgsql;

namespace CareStream.Storage.Limits;

/// <summary>
/// The audit trail of per-patient limit overrides (<c>patient_limit_change</c>, append-only): the store role appends
/// the <c>limits</c> commands, the API reads the latest overrides and the history.
/// </summary>
public sealed class PatientLimitChangeStore(NpgsqlDataSource dataSource)
{
    public const string NoOverrides = "{}";

    /// <summary>The registered store, or one on the process's database, or null when the process has no database.</summary>
    public static PatientLimitChangeStore? FromServices(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(PatientLimitChangeStore)) as PatientLimitChangeStore
            ?? (services.GetService(typeof(NpgsqlDataSource)) is NpgsqlDataSource database ? new PatientLimitChangeStore(database) : null);
    }

    // The previous overrides are the patient's latest row at insert time; the records of one patient arrive in order
    // (keyed by patient), and one batch's statements run in order in one transaction, so each sees the one before.
    private const string InsertSql = """
        INSERT INTO patient_limit_change (command_id, patient_id, changed_by, changed_at, previous_overrides, new_overrides, kafka_partition, kafka_offset)
        SELECT @command, @patient, @by, @at,
               coalesce((SELECT new_overrides FROM patient_limit_change WHERE patient_id = @patient
                         ORDER BY changed_at DESC, kafka_offset DESC LIMIT 1), '{}'::jsonb),
               @new::jsonb, @partition, @offset
        ON CONFLICT (command_id) DO NOTHING
        """;

    private const string Columns =
        "command_id, patient_id, changed_by, changed_at, previous_overrides::text, new_overrides::text, kafka_partition, kafka_offset";

    /// <summary>Appends the changes in order (one transaction); already stored command ids are skipped.</summary>
    public async Task AppendAsync(IReadOnlyList<PatientLimitChange> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var change in changes)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            command.Parameters.AddWithValue("command", change.CommandId);
            command.Parameters.AddWithValue("patient", change.PatientId);
            command.Parameters.AddWithValue("by", change.ChangedBy);
            command.Parameters.AddWithValue("at", change.ChangedAt);
            command.Parameters.AddWithValue("new", change.NewOverrides);
            command.Parameters.AddWithValue("partition", change.KafkaPartition);
            command.Parameters.AddWithValue("offset", change.KafkaOffset);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The patient's latest change (its <c>NewOverrides</c> are in force), or null when never changed.</summary>
    public async Task<PatientLimitChange?> LatestAsync(string patientId, CancellationToken cancellationToken)
    {
        var latest = await HistoryAsync(patientId, 1, cancellationToken);
        return latest.Count == 0 ? null : latest[0];
    }

    /// <summary>
    /// The latest change of every patient whose <c>limits</c> commands were on one of <paramref name="partitions"/> of
    /// <c>carestream.patient-commands.v1</c> (the rules role's restore: the overrides in force, <c>{}</c> = cleared).
    /// Latest = highest Kafka offset within the partition: the order the rules role applied the commands in.
    /// </summary>
    public async Task<IReadOnlyList<PatientLimitChange>> LatestByPartitionAsync(IReadOnlyCollection<int> partitions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        if (partitions.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"SELECT DISTINCT ON (patient_id) {Columns} FROM patient_limit_change WHERE kafka_partition = ANY(@partitions) " +
            "ORDER BY patient_id, kafka_offset DESC, changed_at DESC");
        command.Parameters.AddWithValue("partitions", partitions.ToArray());
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The patient's changes, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<PatientLimitChange>> HistoryAsync(string patientId, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM patient_limit_change WHERE patient_id = @patient ORDER BY changed_at DESC, kafka_offset DESC LIMIT @limit");
        command.Parameters.AddWithValue("patient", patientId);
        command.Parameters.AddWithValue("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<PatientLimitChange>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var changes = new List<PatientLimitChange>();
        while (await reader.ReadAsync(cancellationToken))
        {
            changes.Add(new PatientLimitChange(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4), reader.GetString(5), reader.GetInt32(6), reader.GetInt64(7)));
        }

        return changes;
    }
}

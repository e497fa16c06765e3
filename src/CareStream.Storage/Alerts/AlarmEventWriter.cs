using System.Text;
using CareStream.Domain.Alerts;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.Alerts;

/// <summary>
/// Stores alarm events: each event is inserted once into <c>alarm_event</c> (its id is deterministic: a redelivery
/// inserts nothing) and, only when it was new, upserted into <c>alarm_episode</c> if it is newer than the stored state.
/// One transaction and one round trip per batch.
/// </summary>
/// <remarks>
/// Which event is newer: a resolved snapshot beats an open one (resolution ends an episode; a new occurrence is a new
/// episode). Otherwise, within one Kafka partition (all events of a patient share one, keyed by patient) the larger
/// offset wins: the rules engine publishes each patient's changes in the order its state machine made them, while
/// <c>occurredAt</c> mixes data time (raise, resolve) and wall time (escalation, acknowledgement) and may run backwards.
/// Across partitions (after a repartition, or events not read from Kafka) the later <c>occurredAt</c> wins, then the
/// larger offset.
/// </remarks>
public sealed class AlarmEventWriter(NpgsqlDataSource dataSource)
{
    private const string Snapshot =
        "episode_id, patient_id, ward_id, bed_id, rule_id, rule_version, category, priority, condition, latching, status, " +
        "condition_started_at, raised_at, condition_active, escalation_level, last_announced_at, acknowledged_at, acknowledged_by, " +
        "audio_paused_until, resolved_at, evidence_observation_ids";

    private const string SnapshotValues =
        "@episode, @patient, @ward, @bed, @rule, @rule_version, @category, @priority, @condition, @latching, @status, " +
        "@condition_started_at, @raised_at, @condition_active, @escalation_level, @last_announced_at, @acknowledged_at, @acknowledged_by, " +
        "@audio_paused_until, @resolved_at, @evidence";

    private static readonly string Sql = $"""
        WITH inserted AS (
            INSERT INTO alarm_event (event_id, kind, occurred_at, kafka_partition, kafka_offset, payload, {Snapshot})
            VALUES (@event, @kind, @occurred_at, @partition, @offset, @payload, {SnapshotValues})
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id)
        INSERT INTO alarm_episode (last_event_id, last_event_kind, last_event_at, kafka_partition, kafka_offset, {Snapshot})
        SELECT @event, @kind, @occurred_at, @partition, @offset, {SnapshotValues} FROM inserted
        ON CONFLICT (episode_id) DO UPDATE SET
            last_event_id = excluded.last_event_id, last_event_kind = excluded.last_event_kind, last_event_at = excluded.last_event_at,
            kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset, updated_at = now(),
            ward_id = coalesce(excluded.ward_id, alarm_episode.ward_id), bed_id = coalesce(excluded.bed_id, alarm_episode.bed_id),
            rule_id = excluded.rule_id, rule_version = excluded.rule_version, category = excluded.category,
            priority = excluded.priority, condition = excluded.condition, latching = excluded.latching, status = excluded.status,
            condition_started_at = excluded.condition_started_at, raised_at = excluded.raised_at,
            condition_active = excluded.condition_active, escalation_level = excluded.escalation_level,
            last_announced_at = excluded.last_announced_at, acknowledged_at = excluded.acknowledged_at,
            acknowledged_by = excluded.acknowledged_by, audio_paused_until = excluded.audio_paused_until,
            resolved_at = excluded.resolved_at,
            evidence_observation_ids = coalesce(alarm_episode.evidence_observation_ids, excluded.evidence_observation_ids)
        WHERE (excluded.status = {(short)AlarmStatus.Resolved}) > (alarm_episode.status = {(short)AlarmStatus.Resolved})
           OR ((excluded.status = {(short)AlarmStatus.Resolved}) = (alarm_episode.status = {(short)AlarmStatus.Resolved}) AND
               CASE WHEN excluded.kafka_partition = alarm_episode.kafka_partition AND excluded.kafka_partition >= 0
                    THEN excluded.kafka_offset > alarm_episode.kafka_offset
                    ELSE (excluded.last_event_at, excluded.kafka_offset) > (alarm_episode.last_event_at, alarm_episode.kafka_offset) END);
        """;

    // The evidence comes with the raised event; keep it on the episode even if that event lost the newest-wins race.
    private const string EvidenceSql = """
        UPDATE alarm_episode SET evidence_observation_ids = @evidence
        WHERE episode_id = @episode AND evidence_observation_ids IS NULL
        """;

    /// <summary>The registered writer, or one on the process's database, or null when the process has no database.</summary>
    public static AlarmEventWriter? FromServices(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(AlarmEventWriter)) as AlarmEventWriter
            ?? (services.GetService(typeof(NpgsqlDataSource)) is NpgsqlDataSource database ? new AlarmEventWriter(database) : null);
    }

    /// <summary>Stores <paramref name="events"/> in order, in one transaction; redelivered events change nothing.</summary>
    public async Task WriteAsync(IReadOnlyList<AlarmEventRecord> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var record in events)
        {
            var command = new NpgsqlBatchCommand(Sql);
            AddParameters(command.Parameters, record);
            batch.BatchCommands.Add(command);
            if (record.Event is AlarmRaised { EvidenceObservationIds.Count: > 0 } raised)
            {
                var evidence = new NpgsqlBatchCommand(EvidenceSql);
                evidence.Parameters.AddWithValue("episode", raised.Episode.EpisodeId);
                evidence.Parameters.AddWithValue("evidence", raised.EvidenceObservationIds.ToArray());
                batch.BatchCommands.Add(evidence);
            }
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void AddParameters(NpgsqlParameterCollection p, AlarmEventRecord record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(record.Kind);
        var e = record.Event.Episode;
        p.AddWithValue("event", record.Event.EventId);
        p.AddWithValue("kind", record.Kind);
        p.AddWithValue("occurred_at", record.Event.OccurredAt.ToUniversalTime());
        p.AddWithValue("partition", record.KafkaPartition);
        p.AddWithValue("offset", record.KafkaOffset);
        p.AddWithValue("payload", NpgsqlDbType.Jsonb, Encoding.UTF8.GetString(record.Payload.Span));
        p.AddWithValue("episode", e.EpisodeId);
        p.AddWithValue("patient", e.Patient.Value);
        p.AddWithValue("ward", NpgsqlDbType.Text, (object?)record.Ward?.Value ?? DBNull.Value);
        p.AddWithValue("bed", NpgsqlDbType.Text, (object?)record.Bed?.Value ?? DBNull.Value);
        p.AddWithValue("rule", e.RuleId);
        p.AddWithValue("rule_version", e.RuleVersion);
        p.AddWithValue("category", (short)e.Category);
        p.AddWithValue("priority", (short)e.Priority);
        p.AddWithValue("condition", e.Condition);
        p.AddWithValue("latching", e.Latching);
        p.AddWithValue("status", (short)e.Status);
        p.AddWithValue("condition_started_at", e.ConditionStartedAt.ToUniversalTime());
        p.AddWithValue("raised_at", e.RaisedAt.ToUniversalTime());
        p.AddWithValue("condition_active", e.ConditionActive);
        p.AddWithValue("escalation_level", e.EscalationLevel);
        p.AddWithValue("last_announced_at", e.LastAnnouncedAt.ToUniversalTime());
        p.AddWithValue("acknowledged_at", NpgsqlDbType.TimestampTz, (object?)e.AcknowledgedAt?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("acknowledged_by", NpgsqlDbType.Text, (object?)e.AcknowledgedBy ?? DBNull.Value);
        p.AddWithValue("audio_paused_until", NpgsqlDbType.TimestampTz, (object?)e.AudioPausedUntil?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("resolved_at", NpgsqlDbType.TimestampTz, (object?)e.ResolvedAt?.ToUniversalTime() ?? DBNull.Value);
        p.AddWithValue("evidence", NpgsqlDbType.Array | NpgsqlDbType.Text,
            record.Event is AlarmRaised { EvidenceObservationIds.Count: > 0 } raised ? raised.EvidenceObservationIds.ToArray() : DBNull.Value);
    }
}

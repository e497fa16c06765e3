using CareStream.Domain.Vitals;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.Observations;

/// <summary>
/// Versioned reads and clinician verification of stored Observations. A verification changes the status of the
/// narrow rows in place (so search, <c>$lastn</c> and the trend tier see the current status) and records every
/// version in <c>observation_version</c>, in one transaction that holds a row lock on the Observation.
/// </summary>
public sealed class ObservationVersions(NpgsqlDataSource dataSource, ObservationQueries queries, TimeProvider timeProvider)
{
    /// <summary>The current version of an Observation, or null when the id is unknown.</summary>
    public async Task<ObservationVersion?> CurrentAsync(string observationId, CancellationToken cancellationToken)
    {
        var history = await HistoryAsync(observationId, cancellationToken);
        return history.Count == 0 ? null : history[0];
    }

    /// <summary>Every version of an Observation, newest first (empty when the id is unknown).</summary>
    public async Task<IReadOnlyList<ObservationVersion>> HistoryAsync(string observationId, CancellationToken cancellationToken)
    {
        var rows = await queries.FindAsync(observationId, cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var versions = await ReadVersionsAsync(connection, null, rows, cancellationToken);
        return versions.Count > 0 ? versions : [new ObservationVersion(rows, 1, rows[0].EffectiveAt, null)];
    }

    /// <summary>
    /// Applies a status change as a new version. Callers validate the transition; this checks only existence and
    /// the expected version, under a row lock, so two clinicians verifying at once cannot both win.
    /// </summary>
    public async Task<(StatusChangeOutcome Outcome, ObservationVersion? Current)> ChangeStatusAsync(
        StatusChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var found = await queries.FindAsync(change.ObservationId, cancellationToken);
        if (found.Count == 0)
        {
            return (StatusChangeOutcome.NotFound, null);
        }

        var key = ObservationKey.FromId(change.ObservationId);
        var effective = found[0].EffectiveAt;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var (patientKey, kinds, status) = await LockAsync(connection, transaction, key, effective, cancellationToken);
        if (kinds.Length == 0)
        {
            return (StatusChangeOutcome.NotFound, null); // dropped by retention between the lookup and the lock
        }

        var rows = found.Select(r => r with { Status = status }).ToArray(); // the status read under the lock
        var versions = await ReadVersionsAsync(connection, transaction, rows, cancellationToken);
        var current = versions.Count > 0 ? versions[0] : new ObservationVersion(rows, 1, effective, null);
        if (change.ExpectedVersion is { } expected && expected != current.VersionId)
        {
            return (StatusChangeOutcome.VersionConflict, current);
        }

        if (rows[0].Status == change.Status && current.Reason == change.Reason)
        {
            return (StatusChangeOutcome.Unchanged, current);
        }

        var now = timeProvider.GetUtcNow();
        if (versions.Count == 0)
        {
            await InsertVersionAsync(connection, transaction, key, current, cancellationToken);
        }

        var next = new ObservationVersion([.. rows.Select(r => r with { Status = change.Status })], current.VersionId + 1, now, change.Reason);
        await InsertVersionAsync(connection, transaction, key, next, cancellationToken);
        await using (var update = new NpgsqlCommand(ObservationVersionSchema.UpdateStatus, connection, transaction))
        {
            update.Parameters.AddWithValue("status", (short)change.Status);
            update.Parameters.AddWithValue("effective", effective.ToUniversalTime());
            update.Parameters.AddWithValue("key", key);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        if ((rows[0].Status == ObservationStatus.EnteredInError) != (change.Status == ObservationStatus.EnteredInError))
        {
            await using var trend = new NpgsqlCommand(ObservationVersionSchema.RebuildTrendMinute, connection, transaction);
            trend.Parameters.AddWithValue("patient", patientKey);
            trend.Parameters.AddWithValue("kinds", kinds);
            trend.Parameters.AddWithValue("effective", effective.ToUniversalTime());
            await trend.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (StatusChangeOutcome.Changed, next);
    }

    private static async Task<(int PatientKey, short[] Kinds, ObservationStatus Status)> LockAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long key, DateTimeOffset effective, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ObservationVersionSchema.LockRows, connection, transaction);
        command.Parameters.AddWithValue("effective", effective.ToUniversalTime());
        command.Parameters.AddWithValue("key", key);
        var patientKey = 0;
        var status = ObservationStatus.Preliminary;
        var kinds = new List<short>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            patientKey = reader.GetInt32(0);
            kinds.Add(reader.GetInt16(1));
            status = (ObservationStatus)reader.GetInt16(2);
        }

        return (patientKey, [.. kinds], status);
    }

    private static async Task<List<ObservationVersion>> ReadVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<StoredReading> rows, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ObservationVersionSchema.Versions, connection, transaction);
        command.Parameters.AddWithValue("key", ObservationKey.FromId(rows[0].ObservationId));
        command.Parameters.AddWithValue("effective", rows[0].EffectiveAt.ToUniversalTime());
        var versions = new List<ObservationVersion>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = (ObservationStatus)reader.GetInt16(2);
            versions.Add(new ObservationVersion(
                [.. rows.Select(r => r with { Status = status })],
                reader.GetInt32(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return versions;
    }

    private static async Task InsertVersionAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long key, ObservationVersion version, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ObservationVersionSchema.InsertVersion, connection, transaction);
        command.Parameters.AddWithValue("key", key);
        command.Parameters.AddWithValue("version", version.VersionId);
        command.Parameters.AddWithValue("effective", version.Rows[0].EffectiveAt.ToUniversalTime());
        command.Parameters.AddWithValue("last_updated", version.LastUpdated.ToUniversalTime());
        command.Parameters.AddWithValue("status", (short)version.Rows[0].Status);
        command.Parameters.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)version.Reason ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

using System.Globalization;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Storage.Registry;
using Npgsql;

namespace CareStream.Storage.Observations;

/// <summary>
/// History reads straight from the narrow rows. Each kind is read through the primary-key index
/// (patient, kind, effective, key) in order, and the per-kind streams are merged, so a page costs a few index
/// probes whatever the history length.
/// </summary>
public sealed class ObservationQueries(NpgsqlDataSource dataSource)
{
    private const string PatientKey = ReadingFilter.PatientKey;
    private const string Select = "SELECT r.effective, r.observation_key, r.kind, r.status, r.value, s.device_id, s.mdc_code";

    public async Task<ReadingPage> SearchAsync(ReadingSearch search, CancellationToken cancellationToken)
    {
        await using var command = SearchCommand(search, explain: false);
        var rows = await ReadAsync(command, search.Patient, search.PageSize + 1, cancellationToken);
        if (rows.Count <= search.PageSize)
        {
            return new ReadingPage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new ReadingPage(rows, CursorAfter(rows[^1]));
    }

    /// <summary>The PostgreSQL plan of <see cref="SearchAsync"/> for <paramref name="search"/> (diagnostics and tests).</summary>
    public async Task<string> ExplainSearchAsync(ReadingSearch search, CancellationToken cancellationToken)
    {
        await using var command = SearchCommand(search, explain: true);
        var plan = new StringBuilder();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString();
    }

    private NpgsqlCommand SearchCommand(ReadingSearch search, bool explain)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfLessThan(search.PageSize, 1);
        var cursor = search.Cursor is null ? (ReadingCursor?)null : ReadingCursor.Parse(search.Cursor);
        var (cmp, dir) = search.NewestFirst ? ("<", "DESC") : (">", "ASC");

        var sql = new StringBuilder((explain ? "EXPLAIN (COSTS OFF) " : "") + Select + $" FROM {ReadingFilter.KindsSource} CROSS JOIN LATERAL (SELECT o.* FROM observation o WHERE ");
        sql.Append(ReadingFilter.Where(search));
        if (cursor is not null)
        {
            // Inclusive on (effective, key) so the index bounds the scan; the exact tie is removed outside.
            sql.Append(CultureInfo.InvariantCulture, $" AND (o.effective, o.observation_key) {cmp}= (@c_effective, @c_key)");
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY o.effective {dir}, o.observation_key {dir} LIMIT @limit + 1) r");
        sql.Append(" JOIN observation_source s ON s.source_key = r.source_key");
        if (cursor is not null)
        {
            sql.Append(CultureInfo.InvariantCulture, $" WHERE (r.effective, r.observation_key, r.kind) {cmp} (@c_effective, @c_key, @c_kind)");
        }

        sql.Append(CultureInfo.InvariantCulture, $" ORDER BY r.effective {dir}, r.observation_key {dir}, r.kind {dir} LIMIT @limit");

        var command = dataSource.CreateCommand(sql.ToString());
        ReadingFilter.AddParameters(command, search);
        command.Parameters.AddWithValue("limit", search.PageSize + 1);
        if (cursor is { } c)
        {
            command.Parameters.AddWithValue("c_effective", c.Effective);
            command.Parameters.AddWithValue("c_key", c.Key);
            command.Parameters.AddWithValue("c_kind", c.Kind);
        }

        return command;
    }

    /// <summary>The cursor that continues a search (same order) right after <paramref name="reading"/>.</summary>
    public static string CursorAfter(StoredReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new ReadingCursor(reading.EffectiveAt, ObservationKey.FromId(reading.ObservationId), (short)reading.Kind).ToString();
    }

    /// <summary>Whether <paramref name="cursor"/> is a cursor this store produced (callers turn false into a 400).</summary>
    public static bool IsValidCursor(string cursor)
    {
        try
        {
            ReadingCursor.Parse(cursor);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Number of readings matching the search (cursor, order and page size are ignored).</summary>
    public async Task<long> CountAsync(ReadingSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var command = dataSource.CreateCommand(
            $"SELECT count(*) FROM {ReadingFilter.KindsSource} JOIN observation o ON o.kind = k.kind WHERE {ReadingFilter.Where(search)}");
        ReadingFilter.AddParameters(command, search);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Number of Observations matching the search: a BP panel's component rows count once.</summary>
    public async Task<long> CountObservationsAsync(ReadingSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var command = dataSource.CreateCommand(
            $"SELECT count(DISTINCT (o.effective, o.observation_key)) FROM {ReadingFilter.KindsSource} JOIN observation o ON o.kind = k.kind WHERE {ReadingFilter.Where(search)}");
        ReadingFilter.AddParameters(command, search);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The newest reading of each kind the patient has (at most one per kind).</summary>
    public async Task<IReadOnlyList<StoredReading>> LatestPerKindAsync(PatientId patient, CancellationToken cancellationToken, PatientAccess? access = null)
    {
        var search = new ReadingSearch(patient) { Access = access ?? PatientAccess.Unrestricted };
        await using var command = dataSource.CreateCommand(
            $"{Select} FROM {ReadingFilter.KindsSource} CROSS JOIN LATERAL (SELECT o.* FROM observation o WHERE {ReadingFilter.Where(search)}"
            + " ORDER BY o.effective DESC, o.observation_key DESC LIMIT 1) r JOIN observation_source s ON s.source_key = r.source_key ORDER BY r.kind");
        ReadingFilter.AddParameters(command, search);
        return await ReadAsync(command, patient, 8, cancellationToken);
    }

    /// <summary>
    /// The rows of one Observation (one, or the components of a BP panel), or an empty list. The id alone does not
    /// locate a partition and no index covers the key alone (ADR adr-2611-observation-read-by-id), so day partitions
    /// are probed newest first and the probe stops at the first day that holds the key.
    /// </summary>
    public async Task<IReadOnlyList<StoredReading>> FindAsync(string observationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(observationId);
        if (!ObservationKey.RoundTrips(observationId))
        {
            return [];
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var days = await PartitionManager.ListAsync(connection, cancellationToken);
        foreach (var day in days.Reverse())
        {
            await using var command = new NpgsqlCommand(
                $"{Select}, p.patient_id FROM {PartitionManager.PartitionName(day)} r JOIN observation_source s ON s.source_key = r.source_key"
                + " JOIN patient_key p ON p.patient_key = r.patient_key WHERE r.observation_key = @key ORDER BY r.kind", connection);
            command.Parameters.AddWithValue("key", ObservationKey.FromId(observationId));
            var rows = new List<StoredReading>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ReadRow(reader, new PatientId(reader.GetString(7))));
            }

            if (rows.Count > 0)
            {
                return rows;
            }
        }

        return [];
    }

    /// <summary>The 1-minute trend tier of one kind over [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(
        PatientId patient, VitalSignKind kind, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken, PatientAccess? access = null)
    {
        access ??= PatientAccess.Unrestricted;
        await using var command = dataSource.CreateCommand(
            "SELECT minute, min_value, max_value, sum_value / sample_count, sample_count FROM observation_trend WHERE patient_key = "
            + (access.IsUnrestricted ? PatientKey : $"(SELECT patient_key FROM patient_key WHERE patient_id = @patient AND {access.PatientPredicate("@patient")})")
            + " AND kind = @kind AND minute >= @from AND minute < @to ORDER BY minute");
        command.Parameters.AddWithValue("patient", patient.Value);
        access.AddParameters(command);
        command.Parameters.AddWithValue("kind", (short)kind);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        var points = new List<TrendPoint>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new TrendPoint(
                reader.GetFieldValue<DateTimeOffset>(0), ToDouble(reader.GetFloat(1)), ToDouble(reader.GetFloat(2)), reader.GetDouble(3), reader.GetInt32(4)));
        }

        return points;
    }

    private static async Task<List<StoredReading>> ReadAsync(NpgsqlCommand command, PatientId patient, int expectedRows, CancellationToken cancellationToken)
    {
        var rows = new List<StoredReading>(Math.Min(expectedRows, 4096));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader, patient));
        }

        return rows;
    }

    private static StoredReading ReadRow(NpgsqlDataReader reader, PatientId patient) => new(
        ObservationKey.ToId(reader.GetInt64(1)),
        patient,
        new DeviceId(reader.GetString(5)),
        (VitalSignKind)reader.GetInt16(2),
        reader.GetInt32(6),
        ToDouble(reader.GetFloat(4)),
        reader.GetFieldValue<DateTimeOffset>(0),
        (ObservationStatus)reader.GetInt16(3));

    // Values are stored as float4 (7 significant digits, ample for vital signs); going through decimal renders
    // 37.2f as 37.2 rather than 37.200000762939453.
    private static double ToDouble(float value) => (double)(decimal)value;
}

using CareStream.Storage.Entities;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.Unassociated;

/// <summary>
/// Keeps readings whose device had no patient (table <c>unassociated_reading</c>). Low volume by nature, so one
/// <c>INSERT … SELECT unnest(…) ON CONFLICT DO NOTHING</c> per batch; a redelivered batch inserts nothing new.
/// </summary>
public sealed class UnassociatedReadingStore(NpgsqlDataSource dataSource)
{
    private const string Insert = """
        INSERT INTO unassociated_reading
            (observation_id, kind, device_id, mdc_code, value, effective_at, status, ward_id, bed_id, received_at)
        SELECT * FROM unnest(@ids, @kinds, @devices, @mdcs, @values, @effective, @statuses, @wards, @beds, @received)
        ON CONFLICT (observation_id, kind) DO NOTHING
        """;

    /// <summary>Writes a batch in one statement (durable when it returns); returns the rows inserted.</summary>
    public async Task<int> WriteAsync(IReadOnlyList<UnassociatedReading> readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        if (readings.Count == 0)
        {
            return 0;
        }

        await using var command = dataSource.CreateCommand(Insert);
        Add(command, "ids", NpgsqlDbType.Text, readings.Select(r => r.ObservationId));
        Add(command, "kinds", NpgsqlDbType.Smallint, readings.Select(r => r.Kind));
        Add(command, "devices", NpgsqlDbType.Text, readings.Select(r => r.DeviceId));
        Add(command, "mdcs", NpgsqlDbType.Integer, readings.Select(r => r.MdcCode));
        Add(command, "values", NpgsqlDbType.Double, readings.Select(r => r.Value));
        Add(command, "effective", NpgsqlDbType.TimestampTz, readings.Select(r => r.EffectiveAt.ToUniversalTime()));
        Add(command, "statuses", NpgsqlDbType.Smallint, readings.Select(r => r.Status));
        Add(command, "wards", NpgsqlDbType.Text, readings.Select(r => r.WardId));
        Add(command, "beds", NpgsqlDbType.Text, readings.Select(r => r.BedId));
        Add(command, "received", NpgsqlDbType.TimestampTz, readings.Select(r => r.ReceivedAt.ToUniversalTime()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The device's kept readings with effective time in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    public async Task<IReadOnlyList<UnassociatedReading>> ForDeviceAsync(
        string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        await using var command = dataSource.CreateCommand("""
            SELECT observation_id, kind, device_id, mdc_code, value, effective_at, status, ward_id, bed_id, received_at
            FROM unassociated_reading WHERE device_id = @device AND effective_at >= @from AND effective_at < @to
            ORDER BY effective_at, observation_id, kind
            """);
        command.Parameters.AddWithValue("device", deviceId);
        command.Parameters.AddWithValue("from", from.ToUniversalTime());
        command.Parameters.AddWithValue("to", to.ToUniversalTime());
        var rows = new List<UnassociatedReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new UnassociatedReading
            {
                ObservationId = reader.GetString(0), Kind = reader.GetInt16(1), DeviceId = reader.GetString(2),
                MdcCode = reader.GetInt32(3), Value = reader.GetDouble(4), EffectiveAt = reader.GetFieldValue<DateTimeOffset>(5),
                Status = reader.GetInt16(6), WardId = reader.IsDBNull(7) ? null : reader.GetString(7),
                BedId = reader.IsDBNull(8) ? null : reader.GetString(8), ReceivedAt = reader.GetFieldValue<DateTimeOffset>(9),
            });
        }

        return rows;
    }

    private static void Add<T>(NpgsqlCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = values.ToArray() });
}

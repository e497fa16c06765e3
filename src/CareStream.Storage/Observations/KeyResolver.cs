using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace CareStream.Storage.Observations;

/// <summary>
/// Resolves patient ids and (device, MDC code) pairs to their 4-byte surrogate keys, creating missing ones.
/// Keys are created in their own committed statements, so a cached key always exists in the database.
/// </summary>
internal sealed class KeyResolver
{
    private readonly ConcurrentDictionary<string, int> _patients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Device, int MdcCode), int> _sources = new();

    public int PatientKey(string patientId) => _patients[patientId];

    public int SourceKey(string deviceId, int mdcCode) => _sources[(deviceId, mdcCode)];

    public async Task ResolvePatientsAsync(NpgsqlConnection connection, IEnumerable<string> patientIds, CancellationToken cancellationToken)
    {
        var missing = patientIds.Where(id => !_patients.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO patient_key (patient_id) SELECT unnest($1) ON CONFLICT (patient_id) DO NOTHING", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = missing, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand("SELECT patient_key, patient_id FROM patient_key WHERE patient_id = ANY($1)", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = missing, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _patients[reader.GetString(1)] = reader.GetInt32(0);
        }
    }

    public async Task ResolveSourcesAsync(NpgsqlConnection connection, IEnumerable<(string Device, int MdcCode)> sources, CancellationToken cancellationToken)
    {
        var missing = sources.Where(s => !_sources.ContainsKey(s)).Distinct().ToArray();
        if (missing.Length == 0)
        {
            return;
        }

        var devices = missing.Select(s => s.Device).ToArray();
        var codes = missing.Select(s => s.MdcCode).ToArray();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO observation_source (device_id, mdc_code) SELECT * FROM unnest($1::text[], $2::integer[]) ON CONFLICT (device_id, mdc_code) DO NOTHING",
            connection))
        {
            insert.Parameters.AddWithValue(devices);
            insert.Parameters.AddWithValue(codes);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand(
            "SELECT s.source_key, s.device_id, s.mdc_code FROM observation_source s JOIN unnest($1::text[], $2::integer[]) AS m(device_id, mdc_code) USING (device_id, mdc_code)",
            connection);
        select.Parameters.AddWithValue(devices);
        select.Parameters.AddWithValue(codes);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _sources[(reader.GetString(1), reader.GetInt32(2))] = reader.GetInt32(0);
        }
    }
}

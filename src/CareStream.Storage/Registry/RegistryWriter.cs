using CareStream.Domain.Registry;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>
/// Idempotent upserts of the registry, fed by the ADT / assignments streams (redelivery is a no-op). An upsert that
/// restates the stored values writes nothing: neither <c>updated_at</c> nor the row version (<c>xmin</c>) moves.
/// </summary>
public sealed class RegistryWriter(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<RegistryWriter> logger)
{
    // updated_at is this server's change time, from the clock, not a time from the message: the registry records carry
    // none, and Last-Modified must order this server's writes (a replayed old ADT message dated in the past would let
    // If-Modified-Since answer 304 for a changed row). greatest() keeps it monotonic across instances' clock skew.
    private const string PatientUpsert = """
        INSERT INTO patient (patient_id, medical_record_number, family_name, given_name, birth_date, gender, updated_at)
        VALUES (@id, @mrn, @family, @given, @birth, @gender, @now)
        ON CONFLICT (patient_id) DO UPDATE SET medical_record_number = excluded.medical_record_number,
            family_name = excluded.family_name, given_name = excluded.given_name,
            birth_date = excluded.birth_date, gender = excluded.gender,
            updated_at = greatest(excluded.updated_at, patient.updated_at)
        WHERE (patient.medical_record_number, patient.family_name, patient.given_name, patient.birth_date, patient.gender)
            IS DISTINCT FROM (excluded.medical_record_number, excluded.family_name, excluded.given_name, excluded.birth_date, excluded.gender)
        """;

    private const string BedUpsert = """
        INSERT INTO ward (ward_id, name, updated_at) VALUES (@ward, @ward_name, @now)
        ON CONFLICT (ward_id) DO UPDATE SET name = excluded.name, updated_at = greatest(excluded.updated_at, ward.updated_at)
        WHERE ward.name IS DISTINCT FROM excluded.name;
        INSERT INTO bed (bed_id, ward_id, label, updated_at) VALUES (@bed, @ward, @label, @now)
        ON CONFLICT (bed_id) DO UPDATE SET ward_id = excluded.ward_id, label = excluded.label,
            updated_at = greatest(excluded.updated_at, bed.updated_at)
        WHERE (bed.ward_id, bed.label) IS DISTINCT FROM (excluded.ward_id, excluded.label);
        """;

    /// <summary>Inserts or updates the patient; returns false when the stored row already had these values.</summary>
    public async Task<bool> UpsertPatientAsync(PatientDemographics patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var command = dataSource.CreateCommand(PatientUpsert);
        command.Parameters.AddWithValue("id", patient.Patient.Value);
        command.Parameters.AddWithValue("mrn", patient.MedicalRecordNumber);
        command.Parameters.AddWithValue("family", patient.FamilyName);
        command.Parameters.AddWithValue("given", patient.GivenName);
        command.Parameters.AddWithValue("birth", patient.BirthDate);
        command.Parameters.AddWithValue("gender", patient.Gender);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Inserts or updates the ward and the bed; returns false when both already had these values.</summary>
    public async Task<bool> UpsertBedAsync(BedLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        await using var command = dataSource.CreateCommand(BedUpsert);
        command.Parameters.AddWithValue("ward", location.Ward.Value);
        command.Parameters.AddWithValue("ward_name", location.WardName);
        command.Parameters.AddWithValue("bed", location.Bed.Value);
        command.Parameters.AddWithValue("label", location.BedLabel);
        command.Parameters.AddWithValue("now", timeProvider.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// Records that the device is at the bed (with the patient) from <see cref="DeviceAssignment.ValidFrom"/>, closing
    /// the device's previous open interval. Returns false when nothing changed: a redelivery, a restatement of the
    /// current association, or an assignment older than the one stored.
    /// </summary>
    public async Task<bool> RecordAssignmentAsync(DeviceAssignment assignment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var validFrom = assignment.ValidFrom.ToUniversalTime();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Unknown wards/beds get their id as a label until the ADT feed names them; the device row is locked so that
        // concurrent assignments of one device serialize.
        var current = await QueryOpenAsync(connection, transaction, """
            INSERT INTO ward (ward_id, name, updated_at) VALUES (@ward, @ward, @now) ON CONFLICT DO NOTHING;
            INSERT INTO bed (bed_id, ward_id, label, updated_at) VALUES (@bed, @ward, @bed, @now) ON CONFLICT DO NOTHING;
            INSERT INTO device (device_id) VALUES (@device) ON CONFLICT DO NOTHING;
            SELECT 1 FROM device WHERE device_id = @device FOR UPDATE;
            """, assignment, validFrom, timeProvider.GetUtcNow(), cancellationToken);

        if (current is { } open && (open.ValidFrom >= validFrom || (open.Bed == assignment.Bed.Value && open.Patient == assignment.Patient?.Value)))
        {
            if (open.ValidFrom > validFrom)
            {
                Log.StaleAssignmentIgnored(logger, assignment.Device.Value, validFrom);
            }

            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        await using var change = new NpgsqlCommand("""
            UPDATE device_assignment SET valid_to = @from WHERE device_id = @device AND valid_to IS NULL;
            INSERT INTO device_assignment (device_id, ward_id, bed_id, patient_id, valid_from)
            VALUES (@device, @ward, @bed, @patient, @from) ON CONFLICT (device_id, valid_from) DO NOTHING;
            UPDATE patient_bed_assignment SET valid_to = @from
            WHERE valid_to IS NULL AND valid_from <= @from AND @patient IS NOT NULL
              AND ((patient_id = @patient AND bed_id <> @bed) OR (bed_id = @bed AND patient_id <> @patient));
            INSERT INTO patient_bed_assignment (patient_id, bed_id, valid_from)
            SELECT @patient, @bed, @from WHERE @patient IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM patient_bed_assignment WHERE patient_id = @patient AND bed_id = @bed AND valid_to IS NULL)
            ON CONFLICT (patient_id, valid_from) DO NOTHING;
            """, connection, transaction);
        AddParameters(change, assignment, validFrom);
        await change.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<(string Bed, string? Patient, DateTimeOffset ValidFrom)?> QueryOpenAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, string prelude, DeviceAssignment assignment, DateTimeOffset validFrom, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var lockDevice = new NpgsqlCommand(prelude, connection, transaction))
        {
            AddParameters(lockDevice, assignment, validFrom);
            lockDevice.Parameters.AddWithValue("now", now);
            await lockDevice.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            "SELECT bed_id, patient_id, valid_from FROM device_assignment WHERE device_id = @device AND valid_to IS NULL", connection, transaction);
        command.Parameters.AddWithValue("device", assignment.Device.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    private static void AddParameters(NpgsqlCommand command, DeviceAssignment assignment, DateTimeOffset validFrom)
    {
        command.Parameters.AddWithValue("device", assignment.Device.Value);
        command.Parameters.AddWithValue("ward", assignment.Ward.Value);
        command.Parameters.AddWithValue("bed", assignment.Bed.Value);
        command.Parameters.Add(new NpgsqlParameter<string?>("patient", NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = assignment.Patient?.Value });
        command.Parameters.AddWithValue("from", validFrom);
    }
}

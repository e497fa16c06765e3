using CareStream.Domain.Registry;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>Idempotent upserts of the registry, fed by the ADT / assignments streams (redelivery is a no-op).</summary>
public sealed class RegistryWriter(NpgsqlDataSource dataSource, ILogger<RegistryWriter> logger)
{
    public async Task UpsertPatientAsync(PatientDemographics patient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO patient (patient_id, medical_record_number, family_name, given_name, birth_date, gender)
            VALUES (@id, @mrn, @family, @given, @birth, @gender)
            ON CONFLICT (patient_id) DO UPDATE SET medical_record_number = excluded.medical_record_number,
                family_name = excluded.family_name, given_name = excluded.given_name,
                birth_date = excluded.birth_date, gender = excluded.gender
            """);
        command.Parameters.AddWithValue("id", patient.Patient.Value);
        command.Parameters.AddWithValue("mrn", patient.MedicalRecordNumber);
        command.Parameters.AddWithValue("family", patient.FamilyName);
        command.Parameters.AddWithValue("given", patient.GivenName);
        command.Parameters.AddWithValue("birth", patient.BirthDate);
        command.Parameters.AddWithValue("gender", patient.Gender);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UpsertBedAsync(BedLocation location, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO ward (ward_id, name) VALUES (@ward, @ward_name) ON CONFLICT (ward_id) DO UPDATE SET name = excluded.name;
            INSERT INTO bed (bed_id, ward_id, label) VALUES (@bed, @ward, @label)
            ON CONFLICT (bed_id) DO UPDATE SET ward_id = excluded.ward_id, label = excluded.label;
            """);
        command.Parameters.AddWithValue("ward", location.Ward.Value);
        command.Parameters.AddWithValue("ward_name", location.WardName);
        command.Parameters.AddWithValue("bed", location.Bed.Value);
        command.Parameters.AddWithValue("label", location.BedLabel);
        await command.ExecuteNonQueryAsync(cancellationToken);
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
            INSERT INTO ward (ward_id, name) VALUES (@ward, @ward) ON CONFLICT DO NOTHING;
            INSERT INTO bed (bed_id, ward_id, label) VALUES (@bed, @ward, @bed) ON CONFLICT DO NOTHING;
            INSERT INTO device (device_id) VALUES (@device) ON CONFLICT DO NOTHING;
            SELECT 1 FROM device WHERE device_id = @device FOR UPDATE;
            """, assignment, validFrom, cancellationToken);

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

    private static async Task<(string Bed, string? Patient, DateTimeOffset ValidFrom)?> QueryOpenAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string prelude, DeviceAssignment assignment, DateTimeOffset validFrom, CancellationToken cancellationToken)
    {
        await using (var lockDevice = new NpgsqlCommand(prelude, connection, transaction))
        {
            AddParameters(lockDevice, assignment, validFrom);
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

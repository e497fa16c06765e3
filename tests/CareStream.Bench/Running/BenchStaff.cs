using Npgsql;

namespace CareStream.Bench.Running;

/// <summary>
/// Assigns the bench's clinician (the seeded demo charge nurse, <see cref="BenchTokens.Clinician"/>) to the bench's
/// wards, so dashboards and FHIR searches run under ward-based access exactly as a nurse station does.
/// </summary>
internal static class BenchStaff
{
    public const string ClinicianSubject = "usr-charge-carla";

    public static async Task AssignWardsAsync(string connectionString, IReadOnlyCollection<string> wards, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("UPDATE auth.\"user\" SET ward_ids = @wards WHERE id = @id", connection);
        command.Parameters.AddWithValue("wards", wards.ToArray());
        command.Parameters.AddWithValue("id", ClinicianSubject);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"The demo user {ClinicianSubject} is missing: the host must run with Auth:SeedDemoData=true.");
        }
    }
}

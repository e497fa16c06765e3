using Npgsql;

namespace CareStream.Testing.Auth;

/// <summary>
/// Staff accounts in a host's auth schema (<c>auth."user"</c>), for tests whose token subject must be assigned to a
/// ward: ward-based access (IWardAccess) reads the assignments server-side, never from the token. Call it after the
/// host has started (its embedded server creates the schema).
/// </summary>
public static class StaffAccounts
{
    public static async Task AssignAsync(string connectionString, string subject, string role, IReadOnlyCollection<string> wards, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlCommand(
            "INSERT INTO auth.\"user\" (id, user_name, display_name, password_hash, role, ward_ids, enabled)"
            + " VALUES (@id, @id, @id, '-', @role, @wards, true) ON CONFLICT (id) DO UPDATE SET ward_ids = EXCLUDED.ward_ids, role = EXCLUDED.role",
            connection);
        upsert.Parameters.AddWithValue("id", subject);
        upsert.Parameters.AddWithValue("role", role);
        upsert.Parameters.AddWithValue("wards", wards.ToArray());
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }
}

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

    /// <summary>
    /// Waits until <paramref name="http"/>'s user may see <paramref name="patientId"/> (the store role writes the registry
    /// asynchronously; until then ward-based access answers 404 for the patient). Fails after <paramref name="timeout"/>.
    /// </summary>
    public static async Task WaitUntilVisibleAsync(HttpClient http, string patientId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var deadline = DateTimeOffset.UtcNow + timeout;
        var uri = new Uri($"/fhir/Patient/{Uri.EscapeDataString(patientId)}", UriKind.Relative);
        while (true)
        {
            using var response = await http.GetAsync(uri, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Patient {patientId} was not visible to the test's user within {timeout}: last answer {(int)response.StatusCode}.");
            }

            await Task.Delay(200, cancellationToken);
        }
    }
}

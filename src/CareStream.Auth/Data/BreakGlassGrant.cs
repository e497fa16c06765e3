namespace CareStream.Auth.Data;

/// <summary>
/// An emergency ("break-glass") access grant (guide S5): user <see cref="Subject"/> may see <see cref="PatientId"/>
/// outside their wards until <see cref="ExpiresAt"/>, for the stated <see cref="Reason"/>. Rows are never changed;
/// an expired grant simply stops counting.
/// </summary>
public sealed class BreakGlassGrant
{
    public long Id { get; init; }

    public required string Subject { get; init; }

    public required string PatientId { get; init; }

    public required string Reason { get; init; }

    public DateTimeOffset GrantedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }
}

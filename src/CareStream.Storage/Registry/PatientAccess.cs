using Npgsql;

namespace CareStream.Storage.Registry;

/// <summary>
/// Which patients a query may return (guide S4): patients currently in a bed of <see cref="Wards"/> (null = every
/// patient), plus <see cref="Patients"/> (break-glass grants); and, for a SMART <c>patient/</c> launch, only
/// <see cref="OnlyPatient"/>. The queries turn it into a SQL predicate with array parameters, never a post-filter.
/// </summary>
public sealed record PatientAccess
{
    /// <summary>No restriction (administrators, backend services).</summary>
    public static PatientAccess Unrestricted { get; } = new();

    /// <summary>Wards whose current patients, beds and devices may be seen; null = all wards.</summary>
    public IReadOnlyCollection<string>? Wards { get; init; }

    /// <summary>Patients that may be seen regardless of ward (active break-glass grants).</summary>
    public IReadOnlyCollection<string> Patients { get; init; } = [];

    /// <summary>The launch patient of a <c>patient/</c> scope: nobody else may be seen.</summary>
    public string? OnlyPatient { get; init; }

    public bool IsUnrestricted => Wards is null && OnlyPatient is null;

    /// <summary>
    /// A predicate over the patient id expression <paramref name="patientId"/> (a column or parameter): one indexed
    /// probe of the open bed assignment; "TRUE" when unrestricted. Bind its values with <see cref="AddParameters"/>.
    /// </summary>
    internal string PatientPredicate(string patientId)
    {
        var terms = new List<string>();
        if (Wards is not null)
        {
            terms.Add($"({patientId} = ANY (@access_patients) OR EXISTS (SELECT 1 FROM patient_bed_assignment access_a"
                + " JOIN bed access_b ON access_b.bed_id = access_a.bed_id"
                + $" WHERE access_a.patient_id = {patientId} AND access_a.valid_to IS NULL AND access_b.ward_id = ANY (@access_wards)))");
        }

        if (OnlyPatient is not null)
        {
            terms.Add($"{patientId} = @access_only");
        }

        return terms.Count == 0 ? "TRUE" : string.Join(" AND ", terms);
    }

    /// <summary>A predicate over a ward id expression (Locations, Devices): the caller's wards; "TRUE" when not ward-bound.</summary>
    internal string WardPredicate(string wardId) => Wards is null ? "TRUE" : $"{wardId} = ANY (@access_wards)";

    /// <summary>Binds the parameters the predicates refer to.</summary>
    internal void AddParameters(NpgsqlCommand command)
    {
        if (Wards is not null)
        {
            command.Parameters.AddWithValue("access_wards", Wards.ToArray());
            command.Parameters.AddWithValue("access_patients", Patients.ToArray());
        }

        if (OnlyPatient is not null)
        {
            command.Parameters.AddWithValue("access_only", OnlyPatient);
        }
    }
}

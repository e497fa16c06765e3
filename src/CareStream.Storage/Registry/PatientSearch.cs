namespace CareStream.Storage.Registry;

/// <summary>
/// A patient search; all conditions are ANDed, the alternatives inside one entry ORed. Name terms match the start
/// of any word of the name, ignoring case and accents (<see cref="NameFolding"/>). Results are ordered by patient
/// id: <see cref="After"/> continues forward, <see cref="Before"/> pages backward (at most one of them).
/// </summary>
public sealed record PatientSearch
{
    public IReadOnlyList<string> MedicalRecordNumbers { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> Names { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> FamilyNames { get; init; } = [];

    public IReadOnlyList<IReadOnlyList<string>> GivenNames { get; init; } = [];

    public IReadOnlyList<DateCondition> BirthDates { get; init; } = [];

    public string? After { get; init; }

    public string? Before { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>Whom the caller may see (guide S4): a predicate of the query, never a post-filter.</summary>
    public PatientAccess Access { get; init; } = PatientAccess.Unrestricted;
}

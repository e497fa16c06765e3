using CareStream.Domain;

namespace CareStream.Storage.Registry;

/// <summary>
/// A Location search over wards and beds, ordered wards first then beds, each by id. <see cref="PartOf"/> selects the
/// beds of a ward; name terms (ANDed entries of ORed alternatives) match the start of any word of the ward name or
/// bed label, ignoring case and accents. <see cref="After"/> is the last location of the previous page.
/// </summary>
public sealed record LocationSearch
{
    public WardId? PartOf { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> Names { get; init; } = [];

    public RegistryLocation? After { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>Whom the caller may see (guide S4): a predicate of the query, never a post-filter.</summary>
    public PatientAccess Access { get; init; } = PatientAccess.Unrestricted;
}

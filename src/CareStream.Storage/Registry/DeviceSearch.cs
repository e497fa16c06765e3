using CareStream.Domain;

namespace CareStream.Storage.Registry;

/// <summary>A Device search: any of <see cref="Devices"/> (empty = all), currently at <see cref="Bed"/>; ordered by id.</summary>
public sealed record DeviceSearch
{
    public IReadOnlyList<DeviceId> Devices { get; init; } = [];

    public BedId? Bed { get; init; }

    public DeviceId? After { get; init; }

    public int PageSize { get; init; } = 50;

    /// <summary>Whom the caller may see (guide S4): a predicate of the query, never a post-filter.</summary>
    public PatientAccess Access { get; init; } = PatientAccess.Unrestricted;
}

using CareStream.Domain;
using CareStream.Storage.Registry;

namespace CareStream.Storage.Alerts;

/// <summary>A search over stored alarm episodes, newest (by raise time) first unless <see cref="NewestFirst"/> is false.</summary>
/// <param name="Patient">Only this patient's episodes; null for all.</param>
/// <param name="Open">True: only open (not resolved) episodes; false: only resolved ones; null: both.</param>
/// <param name="From">Episodes whose [raised, resolved) period reaches at or after this instant.</param>
/// <param name="To">Episodes raised before this instant.</param>
/// <param name="NewestFirst">Order by raise time descending (default) or ascending.</param>
/// <param name="PageSize">Most episodes per page.</param>
/// <param name="Cursor">Opaque cursor of the previous page (<see cref="AlarmPage.NextCursor"/>).</param>
public sealed record AlarmSearch(
    PatientId? Patient = null, bool? Open = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool NewestFirst = true, int PageSize = 50, string? Cursor = null)
{
    /// <summary>Whom the caller may see (guide S4): a predicate of the query, never a post-filter.</summary>
    public PatientAccess Access { get; init; } = PatientAccess.Unrestricted;
}

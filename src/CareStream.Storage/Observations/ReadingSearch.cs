using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Storage.Registry;

namespace CareStream.Storage.Observations;

/// <summary>
/// A history search: one patient, optional kinds (null = all), effective in [From, To), optional status, newest or
/// oldest first. <c>Cursor</c> is the <see cref="ReadingPage.NextCursor"/> of the previous page (null = first page).
/// The init-only members narrow further; all conditions are ANDed.
/// </summary>
public sealed record ReadingSearch(
    PatientId Patient,
    IReadOnlyCollection<VitalSignKind>? Kinds = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    ObservationStatus? Status = null,
    bool NewestFirst = true,
    int PageSize = 60,
    string? Cursor = null)
{
    /// <summary>Kind + MDC terms (ORed); when set it replaces <see cref="Kinds"/>. Empty matches nothing.</summary>
    public IReadOnlyCollection<KindCode>? Codes { get; init; }

    /// <summary>Any of these statuses (null = all).</summary>
    public IReadOnlyCollection<ObservationStatus>? Statuses { get; init; }

    /// <summary>Only readings of this device.</summary>
    public DeviceId? Device { get; init; }

    /// <summary>Effective instants in any of these [From, To) ranges are excluded (FHIR <c>date=ne…</c>).</summary>
    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)>? Excluded { get; init; }

    /// <summary>Whom the caller may see: a patient outside it has no readings as far as this search is concerned.</summary>
    public PatientAccess Access { get; init; } = PatientAccess.Unrestricted;
}

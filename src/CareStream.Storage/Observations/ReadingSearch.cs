using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Storage.Observations;

/// <summary>
/// A history search: one patient, optional kinds (null = all), effective in [From, To), optional status, newest or
/// oldest first. <c>Cursor</c> is the <see cref="ReadingPage.NextCursor"/> of the previous page (null = first page).
/// </summary>
public sealed record ReadingSearch(
    PatientId Patient,
    IReadOnlyCollection<VitalSignKind>? Kinds = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    ObservationStatus? Status = null,
    bool NewestFirst = true,
    int PageSize = 60,
    string? Cursor = null);

using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Pages by Observation rather than by row: a BP panel is several adjacent rows (same effective time and key), and
/// a page never splits one. The next cursor points right after the last row of the last Observation returned.
/// </summary>
public static class ObservationPager
{
    private const int MaxRowsPerObservation = 3;

    public static async Task<(List<StoredReading[]> Observations, string? NextCursor)> PageAsync(
        ObservationQueries queries, ReadingSearch search, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(search);
        // Single-row Observations: count rows; with BP kinds in play, room for count whole panels.
        var rows = MayIncludePanels(search) ? count * MaxRowsPerObservation : count;
        var page = await queries.SearchAsync(search with { PageSize = rows }, cancellationToken);
        var groups = Group(page.Items);
        var grouped = groups.Count;
        var more = page.NextCursor is not null;

        // With more rows to come, a trailing panel may continue on the next page: leave it for that page.
        if (more && groups.Count > 1 && IsPanel(groups[^1]) && groups[^1].Length < MaxRowsPerObservation)
        {
            groups.RemoveAt(groups.Count - 1);
        }

        more |= groups.Count > count || groups.Count != grouped;
        if (groups.Count > count)
        {
            groups.RemoveRange(count, groups.Count - count);
        }

        return (groups, more && groups.Count > 0 ? ObservationQueries.CursorAfter(groups[^1][^1]) : null);
    }

    /// <summary>
    /// A page at <paramref name="cursor"/> (null = first page) with opaque <c>next</c>/<c>previous</c> cursors. A
    /// backward page reads the opposite order from the cursor and is turned round, so forward and backward paging
    /// meet without loss or repetition.
    /// </summary>
    public static async Task<(List<StoredReading[]> Observations, PageCursor? Next, PageCursor? Previous)> PageAsync(
        ObservationQueries queries, ReadingSearch search, int count, PageCursor? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (cursor is not { Backward: true } forward)
        {
            var (page, next) = await PageAsync(queries, search with { Cursor = cursor?.Position }, count, cancellationToken);
            var previous = cursor is not null && page.Count > 0 ? PageCursor.Before(ObservationQueries.CursorAfter(page[0][0])) : (PageCursor?)null;
            return (page, next is null ? null : PageCursor.Forward(next), previous);
        }

        var (reversed, more) = await PageAsync(queries, search with { NewestFirst = !search.NewestFirst, Cursor = forward.Position }, count, cancellationToken);
        reversed.Reverse();
        reversed.ForEach(Array.Reverse);
        return reversed.Count == 0
            ? (reversed, null, null)
            : (reversed, PageCursor.Forward(ObservationQueries.CursorAfter(reversed[^1][^1])),
                more is null ? null : PageCursor.Before(ObservationQueries.CursorAfter(reversed[0][0])));
    }

    /// <summary>Adjacent rows sharing an Observation id become one Observation (rows kept in scan order).</summary>
    public static List<StoredReading[]> Group(IReadOnlyList<StoredReading> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var groups = new List<StoredReading[]>();
        var start = 0;
        for (var i = 1; i <= rows.Count; i++)
        {
            if (i == rows.Count || rows[i].ObservationId != rows[start].ObservationId || rows[i].EffectiveAt != rows[start].EffectiveAt)
            {
                var group = new StoredReading[i - start];
                for (var j = 0; j < group.Length; j++)
                {
                    group[j] = rows[start + j];
                }

                groups.Add(group);
                start = i;
            }
        }

        return groups;
    }

    /// <summary>The Observation's FHIR JSON, rendered by the canonical writer (no Firely POCOs on this path).</summary>
    public static ReadOnlyMemory<byte> Render(StoredReading[] observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.Length == 1)
        {
            // The search's common case (one numeric per Observation): no sorting, no LINQ, one small array.
            return CanonicalObservationWriter.ToUtf8Bytes([observation[0].ToReading()]);
        }

        return CanonicalObservationWriter.ToUtf8Bytes(observation.OrderBy(r => r.Kind).Select(r => r.ToReading()).ToArray());
    }

    private static bool MayIncludePanels(ReadingSearch search)
    {
        var kinds = search.Codes?.Select(c => c.Kind) ?? search.Kinds ?? [VitalSignKind.SystolicBloodPressure];
        return kinds.Any(k => k is VitalSignKind.SystolicBloodPressure or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure);
    }

    private static bool IsPanel(StoredReading[] observation) =>
        observation[0].Kind is VitalSignKind.SystolicBloodPressure or VitalSignKind.DiastolicBloodPressure or VitalSignKind.MeanBloodPressure;
}

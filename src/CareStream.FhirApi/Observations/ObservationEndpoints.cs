using System.Globalization;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// <c>GET /fhir/Observation</c> (search, keyset-paged searchsets); read, vread, history and verification are mapped by
/// <see cref="ObservationVersionEndpoints"/>, the
/// operations <c>$lastn</c> and <c>$trend</c> are mapped by <see cref="ObservationOperations"/>.
/// </summary>
public static class ObservationEndpoints
{
    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Observation", SearchAsync);
        fhir.MapObservationVersionEndpoints();
        fhir.MapObservationOperations();
        return fhir;
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, ObservationQueries queries, CancellationToken cancellationToken)
    {
        var parameters = SearchParameters.FromQuery(request);
        var search = ObservationSearchRequest.Parse(parameters);
        var cursor = parameters.One("_cursor");
        if (cursor is not null && !ObservationQueries.IsValidCursor(cursor))
        {
            throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
        }

        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        var self = baseUrl + "/Observation" + parameters.AppliedQuery(Count(search.Count));
        if (search.MatchesNothing)
        {
            return new SearchsetBundleResult(self, null, search.Total ? 0 : null, []);
        }

        var total = search.Total ? await queries.CountObservationsAsync(search.Search, cancellationToken) : (long?)null;
        if (search.CountOnly)
        {
            return new SearchsetBundleResult(self, null, total, []);
        }

        var (observations, next) = await ObservationPager.PageAsync(queries, search.Search with { Cursor = cursor }, search.Count, cancellationToken);
        var nextUrl = next is null ? null : baseUrl + "/Observation" + parameters.AppliedQuery(Count(search.Count), new("_cursor", next));
        return new SearchsetBundleResult(self, nextUrl, total, Entries(baseUrl, observations));
    }

    internal static List<(string FullUrl, ReadOnlyMemory<byte> Resource)> Entries(string baseUrl, IEnumerable<StoredReading[]> observations) =>
        observations.Select(o => ($"{baseUrl}/Observation/{o[0].ObservationId}", ObservationPager.Render(o))).ToList();

    private static KeyValuePair<string, string> Count(int count) => new("_count", count.ToString(CultureInfo.InvariantCulture));
}

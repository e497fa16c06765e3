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
        var cursor = PageCursor.Read(parameters, ObservationQueries.IsValidCursor);
        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        string Link(params KeyValuePair<string, string>[] extra) =>
            baseUrl + "/Observation" + parameters.AppliedQuery([PagingParameters.CountPair(search.Count), .. extra]);

        var self = cursor is { } current ? Link(current.Parameter) : Link();
        if (search.MatchesNothing)
        {
            return new SearchsetBundleResult(self, null, search.Total ? 0 : null, []);
        }

        var total = search.Total ? await queries.CountObservationsAsync(search.Search, cancellationToken) : (long?)null;
        if (search.CountOnly)
        {
            return new SearchsetBundleResult(self, null, total, []);
        }

        var (observations, next, previous) = await ObservationPager.PageAsync(queries, search.Search, search.Count, cursor, cancellationToken);
        return ObservationBundle.Result(
            self, next is { } n ? Link(n.Parameter) : null, total, baseUrl, observations, previous is { } p ? Link(p.Parameter) : null);
    }
}

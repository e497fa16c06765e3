using CareStream.Auth.Validation;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
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
        fhir.MapGet("/Observation", SearchAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapObservationVersionEndpoints();
        fhir.MapObservationOperations();
        return fhir;
    }

    private static async Task<IResult> SearchAsync(
        HttpContext http, FhirAccessResolver resolver, ObservationQueries queries, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Observation", SmartInteraction.Search);
        var request = http.Request;
        var parameters = SearchParameters.FromQuery(request);
        var search = ObservationSearchRequest.Parse(parameters);
        var cursor = PageCursor.Read(parameters, ObservationQueries.IsValidCursor);
        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        string Link(params KeyValuePair<string, string>[] extra) =>
            baseUrl + "/Observation" + parameters.AppliedQuery([PagingParameters.CountPair(search.Count), .. extra]);

        var self = cursor is { } current ? Link(current.Parameter) : Link();
        // Ward, break-glass and launch-patient rules and a granular scope's kinds are predicates of the query itself.
        var narrowed = access.ExcludesPatient(search.Search.Patient) ? null : access.Narrow(search.Search);
        if (search.MatchesNothing || narrowed is null)
        {
            return new SearchsetBundleResult(self, null, search.Total ? 0 : null, []);
        }

        access.NoteAccess(http, narrowed.Patient);
        var total = search.Total ? await queries.CountObservationsAsync(narrowed, cancellationToken) : (long?)null;
        if (search.CountOnly)
        {
            return new SearchsetBundleResult(self, null, total, []);
        }

        var (observations, next, previous) = await ObservationPager.PageAsync(queries, narrowed, search.Count, cursor, cancellationToken);
        return ObservationBundle.Result(
            self, next is { } n ? Link(n.Parameter) : null, total, baseUrl, observations, previous is { } p ? Link(p.Parameter) : null);
    }
}

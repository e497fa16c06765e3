using CareStream.Auth.Validation;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Observations;

/// <summary>Maps the Observation operations: <c>$lastn</c> (GET and POST) and <c>$trend</c> (GET).</summary>
public static class ObservationOperations
{
    public static IEndpointRouteBuilder MapObservationOperations(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Observation/$lastn", async (HttpContext http, FhirAccessResolver resolver, ObservationQueries queries, CancellationToken cancellationToken) =>
        {
            var access = await resolver.ResolveAsync(http, "Observation", SmartInteraction.Search);
            return await LastNOperation.ExecuteAsync(
                SearchParameters.FromQuery(http.Request), FhirApiExtensions.BaseUrl(http.Request), queries, access, http, cancellationToken);
        }).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapPost("/Observation/$lastn", async (HttpContext http, FhirAccessResolver resolver, ObservationQueries queries, CancellationToken cancellationToken) =>
        {
            var access = await resolver.ResolveAsync(http, "Observation", SmartInteraction.Search);
            return await LastNOperation.ExecuteAsync(
                await OperationParameters.ReadAsync(http.Request, cancellationToken), FhirApiExtensions.BaseUrl(http.Request), queries, access, http, cancellationToken);
        }).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Observation/$trend", async (
            HttpContext http, FhirAccessResolver resolver, ObservationQueries queries, RegistryQueries registry, CancellationToken cancellationToken) =>
        {
            var access = await resolver.ResolveAsync(http, "Observation", SmartInteraction.Search);
            return await TrendOperation.ExecuteAsync(SearchParameters.FromQuery(http.Request), queries, access, registry, http, cancellationToken);
        }).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }
}

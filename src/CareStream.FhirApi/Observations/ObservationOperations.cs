using CareStream.Auth.Validation;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Observations;

/// <summary>Maps the Observation operations: <c>$lastn</c> (GET and POST) and <c>$trend</c> (GET).</summary>
public static class ObservationOperations
{
    public static IEndpointRouteBuilder MapObservationOperations(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Observation/$lastn", (HttpRequest request, ObservationQueries queries, CancellationToken cancellationToken) =>
            LastNOperation.ExecuteAsync(SearchParameters.FromQuery(request), FhirApiExtensions.BaseUrl(request), queries, cancellationToken)).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapPost("/Observation/$lastn", async (HttpRequest request, ObservationQueries queries, CancellationToken cancellationToken) =>
            await LastNOperation.ExecuteAsync(
                await OperationParameters.ReadAsync(request, cancellationToken), FhirApiExtensions.BaseUrl(request), queries, cancellationToken)).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Observation/$trend", (HttpRequest request, ObservationQueries queries, CancellationToken cancellationToken) =>
            TrendOperation.ExecuteAsync(SearchParameters.FromQuery(request), queries, cancellationToken)).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }
}

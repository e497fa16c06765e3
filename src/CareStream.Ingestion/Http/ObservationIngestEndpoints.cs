using CareStream.Auth.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.Ingestion.Http;

/// <summary>
/// <c>POST /fhir/Observation</c> and <c>POST /fhir</c> (batch/transaction Bundle): device Observations over HTTP
/// onto the ingress topic. Errors are OperationOutcomes, never ProblemDetails (style guide 10).
/// </summary>
public static class ObservationIngestEndpoints
{
    public const string BasePath = "/fhir";

    public static IEndpointRouteBuilder MapObservationIngestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(BasePath + "/Observation", async (HttpRequest request, ObservationIngestService ingest, CancellationToken ct) =>
        {
            var (body, refusal) = await RequestBody.ReadAsync(request, "Observation", ct);
            return refusal ?? await ingest.IngestObservationAsync(body!, ct);
        }).RequireAuthorization(CareStreamPolicies.ObservationWriter);
        endpoints.MapPost(BasePath, async (HttpRequest request, ObservationIngestService ingest, CancellationToken ct) =>
        {
            var (body, refusal) = await RequestBody.ReadAsync(request, "Bundle", ct);
            return refusal ?? await ingest.IngestBundleAsync(body!, ct);
        }).RequireAuthorization(CareStreamPolicies.ObservationWriter);
        return endpoints;
    }
}

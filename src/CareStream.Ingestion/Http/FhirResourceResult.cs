using System.Text.Json;
using CareStream.Fhir.Mapping;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.Ingestion.Http;

/// <summary>
/// Writes a FHIR resource (an OperationOutcome or a response Bundle) as <c>application/fhir+json</c> with Firely's
/// System.Text.Json converters. The ingest role may run without the API module, so it carries its own writer.
/// </summary>
internal sealed class FhirResourceResult(Resource resource, int statusCode) : IResult
{
    public const string MediaType = "application/fhir+json";

    public Resource Resource { get; } = resource;

    public int StatusCode { get; } = statusCode;

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = MediaType + "; fhirVersion=4.0; charset=utf-8";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Resource, Resource.GetType(), FhirJson.Options, httpContext.RequestAborted);
    }
}

using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>
/// Writes a FHIR resource as <c>application/fhir+json; fhirVersion=4.0</c> with the Firely System.Text.Json converters,
/// and sets <c>ETag</c>/<c>Last-Modified</c> from <c>meta</c> as fhir-server's Read does (304 for a current
/// <c>If-None-Match</c> on a 200).
/// </summary>
public sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult
{
    public Resource Resource { get; } = resource;

    public int StatusCode { get; } = statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        if (StatusCode == StatusCodes.Status200OK
            && ConditionalRead.SetHeadersAndCheckNotModified(httpContext, Resource.Meta?.VersionId, Resource.Meta?.LastUpdated))
        {
            return;
        }

        response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, Resource, Resource.GetType(), FhirJson.Options, httpContext.RequestAborted);
    }
}

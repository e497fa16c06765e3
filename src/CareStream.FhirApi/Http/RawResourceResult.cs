using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>
/// A resource already rendered as FHIR JSON (the canonical writer's bytes), with <c>ETag: W/"{version}"</c> and
/// <c>Last-Modified</c>, as fhir-server's Read sets them.
/// </summary>
public sealed class RawResourceResult(ReadOnlyMemory<byte> resource, string versionId, DateTimeOffset lastModified) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        response.Headers.ETag = $"W/\"{versionId}\"";
        response.Headers.LastModified = lastModified.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        await response.Body.WriteAsync(resource, httpContext.RequestAborted);
    }
}

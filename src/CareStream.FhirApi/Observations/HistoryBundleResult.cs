using System.Globalization;
using System.Text.Json;
using CareStream.FhirApi.Http;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// A FHIR history Bundle of one Observation, newest version first: each entry has the version's resource, the
/// request that made it (POST for version 1, PUT for a verification) and the response's ETag and lastModified.
/// </summary>
public sealed class HistoryBundleResult(string selfUrl, string resourceUrl, IReadOnlyList<(ReadOnlyMemory<byte> Resource, int VersionId, DateTimeOffset LastUpdated)> versions) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "history");
        json.WriteNumber("total", versions.Count);
        json.WriteStartArray("link");
        json.WriteStartObject();
        json.WriteString("relation", "self");
        json.WriteString("url", selfUrl);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("entry");
        foreach (var (resource, versionId, lastUpdated) in versions)
        {
            json.WriteStartObject();
            json.WriteString("fullUrl", resourceUrl);
            json.WritePropertyName("resource");
            json.WriteRawValue(resource.Span, skipInputValidation: true);
            json.WriteStartObject("request");
            json.WriteString("method", versionId == 1 ? "POST" : "PUT");
            json.WriteString("url", versionId == 1 ? "Observation" : resourceUrl[(resourceUrl.LastIndexOf("Observation/", StringComparison.Ordinal))..]);
            json.WriteEndObject();
            json.WriteStartObject("response");
            json.WriteString("status", versionId == 1 ? "201" : "200");
            json.WriteString("etag", $"W/\"{versionId.ToString(CultureInfo.InvariantCulture)}\"");
            json.WriteString("lastModified", lastUpdated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffK", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted);
    }
}

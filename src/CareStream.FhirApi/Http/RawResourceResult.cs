using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>
/// A resource already rendered as FHIR JSON (the canonical writer's bytes), stamped with <c>meta.versionId</c> and
/// <c>meta.lastUpdated</c>, and answered with <c>ETag: W/"{version}"</c> and <c>Last-Modified</c> as fhir-server's
/// Read sets them (304 for a current <c>If-None-Match</c>). The caller decides the version: this is the one place
/// body and headers are made to agree.
/// </summary>
public sealed class RawResourceResult(ReadOnlyMemory<byte> resource, string versionId, DateTimeOffset lastModified) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        if (ConditionalRead.SetHeadersAndCheckNotModified(httpContext, versionId, lastModified))
        {
            return;
        }

        response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        await response.Body.WriteAsync(Stamp(resource, versionId, lastModified), httpContext.RequestAborted);
    }

    /// <summary>The resource with <c>meta.versionId</c>/<c>meta.lastUpdated</c> set (other meta kept, meta after id).</summary>
    public static byte[] Stamp(ReadOnlyMemory<byte> resource, string versionId, DateTimeOffset lastUpdated)
    {
        var node = JsonNode.Parse(resource.Span)!.AsObject();
        var meta = node["meta"] as JsonObject ?? [];
        node.Remove("meta");
        meta.Remove("versionId");
        meta.Remove("lastUpdated");
        var stamped = new JsonObject
        {
            ["versionId"] = versionId,
            ["lastUpdated"] = lastUpdated.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in meta.ToList())
        {
            meta.Remove(name);
            stamped[name] = value;
        }

        var result = new JsonObject();
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            result[name] = value;
            if (name == "id")
            {
                result["meta"] = stamped;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(result);
    }
}

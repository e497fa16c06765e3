using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>
/// Writes a FHIR searchset Bundle around entries that are already FHIR JSON (rendered by the fast canonical
/// writer), so a history page is never re-parsed into Firely POCOs on the hot read path.
/// </summary>
public sealed class SearchsetBundleResult(
    string selfUrl, string? nextUrl, long? total, IReadOnlyList<(string FullUrl, ReadOnlyMemory<byte> Resource)> entries, string? previousUrl = null) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "searchset");
        if (total is { } count)
        {
            json.WriteNumber("total", count);
        }

        json.WriteStartArray("link");
        WriteLink(json, "self", selfUrl);
        if (previousUrl is not null)
        {
            WriteLink(json, "previous", previousUrl);
        }

        if (nextUrl is not null)
        {
            WriteLink(json, "next", nextUrl);
        }

        json.WriteEndArray();
        json.WriteStartArray("entry");
        foreach (var (fullUrl, resource) in entries)
        {
            json.WriteStartObject();
            json.WriteString("fullUrl", fullUrl);
            json.WritePropertyName("resource");
            json.WriteRawValue(resource.Span, skipInputValidation: true);
            json.WriteStartObject("search");
            json.WriteString("mode", "match");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(httpContext.RequestAborted);
    }

    /// <summary>An entry of a Firely resource (serialized once here), for searches off the hot path.</summary>
    public static (string FullUrl, ReadOnlyMemory<byte> Resource) Entry(string baseUrl, Hl7.Fhir.Model.Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return ($"{baseUrl}/{resource.TypeName}/{resource.Id}", JsonSerializer.SerializeToUtf8Bytes(resource, resource.GetType(), FhirJson.Options));
    }

    private static void WriteLink(Utf8JsonWriter json, string relation, string url)
    {
        json.WriteStartObject();
        json.WriteString("relation", relation);
        json.WriteString("url", url);
        json.WriteEndObject();
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Http;

/// <summary>
/// Writes a FHIR searchset Bundle around entries that are already FHIR JSON (rendered by the fast canonical
/// writer), so a history page is never re-parsed into Firely POCOs on the hot read path. Observation searches render
/// each entry straight into the response (<see cref="SearchsetBundleResult(string, string?, long?, int, Action{Utf8JsonWriter, int}, JsonWriterOptions, string?)"/>),
/// without a byte array per entry.
/// </summary>
public sealed class SearchsetBundleResult : IResult
{
    private readonly string _selfUrl;
    private readonly string? _nextUrl;
    private readonly long? _total;
    private readonly string? _previousUrl;
    private readonly IReadOnlyList<(string FullUrl, ReadOnlyMemory<byte> Resource)>? _entries;
    private readonly int _entryCount;
    private readonly Action<Utf8JsonWriter, int>? _writeEntry;
    private readonly JsonWriterOptions _options;

    public SearchsetBundleResult(
        string selfUrl, string? nextUrl, long? total, IReadOnlyList<(string FullUrl, ReadOnlyMemory<byte> Resource)> entries, string? previousUrl = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        (_selfUrl, _nextUrl, _total, _entries, _entryCount, _previousUrl) = (selfUrl, nextUrl, total, entries, entries.Count, previousUrl);
    }

    /// <summary>
    /// A Bundle of <paramref name="entryCount"/> entries, each written by <paramref name="writeEntry"/>(writer, index)
    /// as the entry's members (<c>fullUrl</c>, <c>resource</c>) directly into the response; <c>search</c> is added here.
    /// </summary>
    public SearchsetBundleResult(
        string selfUrl, string? nextUrl, long? total, int entryCount, Action<Utf8JsonWriter, int> writeEntry, JsonWriterOptions options,
        string? previousUrl = null)
    {
        ArgumentNullException.ThrowIfNull(writeEntry);
        (_selfUrl, _nextUrl, _total, _entryCount, _writeEntry, _options, _previousUrl) = (selfUrl, nextUrl, total, entryCount, writeEntry, options, previousUrl);
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = FhirJson.MediaType + "; fhirVersion=4.0; charset=utf-8";
        await using var json = new Utf8JsonWriter(httpContext.Response.BodyWriter, _options);
        json.WriteStartObject();
        json.WriteString("resourceType", "Bundle");
        json.WriteString("type", "searchset");
        if (_total is { } count)
        {
            json.WriteNumber("total", count);
        }

        json.WriteStartArray("link");
        WriteLink(json, "self", _selfUrl);
        if (_previousUrl is not null)
        {
            WriteLink(json, "previous", _previousUrl);
        }

        if (_nextUrl is not null)
        {
            WriteLink(json, "next", _nextUrl);
        }

        json.WriteEndArray();
        json.WriteStartArray("entry");
        for (var i = 0; i < _entryCount; i++)
        {
            json.WriteStartObject();
            if (_writeEntry is not null)
            {
                _writeEntry(json, i);
            }
            else
            {
                var (fullUrl, resource) = _entries![i];
                json.WriteString("fullUrl", fullUrl);
                json.WritePropertyName("resource");
                json.WriteRawValue(resource.Span, skipInputValidation: true);
            }

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

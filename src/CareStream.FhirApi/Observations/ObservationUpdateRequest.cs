using System.Globalization;
using System.Text.Json;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.FhirApi.Http;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Http;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Reads a verification request: <c>PUT</c> of the whole Observation (only <c>status</c> and <c>note</c> may differ
/// from the current version) or a JSON Patch (<c>replace /status</c>, <c>add</c>/<c>replace /note</c> only).
/// Anything else that changes the Observation is a 422; malformed bodies are 400; other media types 415.
/// </summary>
public static class ObservationUpdateRequest
{
    public const int MaxBodyBytes = 64 * 1024;
    public const string JsonPatchMediaType = "application/json-patch+json";
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32 };

    /// <summary>The version in <c>If-Match</c> (<c>W/"3"</c> or <c>"3"</c>), or null when the header is absent.</summary>
    public static int? ExpectedVersion(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (tag.Length < 3 || tag[0] != '"' || tag[^1] != '"'
            || !int.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new FhirRequestException($"If-Match must be a version ETag such as W/\"1\".");
        }

        return version;
    }

    /// <summary>A PUT body: the new status and reason, after checking nothing else differs from <paramref name="current"/>.</summary>
    public static async Task<(ObservationStatus Status, string? Reason)> ReadPutAsync(
        HttpRequest request, string id, ObservationVersion current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var body = await ReadBodyAsync(request, [FhirJson.MediaType, "application/json"], cancellationToken);
        using var document = Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "Observation")
        {
            throw new FhirRequestException("The body must be an Observation resource.");
        }

        if (!root.TryGetProperty("id", out var bodyId) || bodyId.ValueKind != JsonValueKind.String || bodyId.GetString() != id)
        {
            throw new FhirRequestException("The Observation's id must equal the id in the URL.");
        }

        List<VitalSignReading> readings = [];
        try
        {
            CanonicalObservationReader.Read(body, readings);
        }
        catch (FhirFormatException ex)
        {
            throw StatusTransitions.Unprocessable($"Only status (and a note for entered-in-error) may change: {ex.Message}");
        }

        if (!SameObservation(readings, current.Rows))
        {
            throw StatusTransitions.Unprocessable("Only status (and a note for entered-in-error) may change; code, value, subject, device and effective time must stay as stored.");
        }

        return (readings[0].Status, Reason(root));
    }

    /// <summary>A JSON Patch body applied to <paramref name="current"/>: the resulting status and reason.</summary>
    public static async Task<(ObservationStatus Status, string? Reason)> ReadPatchAsync(
        HttpRequest request, ObservationVersion current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var body = await ReadBodyAsync(request, [JsonPatchMediaType], cancellationToken);
        using var document = Parse(body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FhirRequestException("A JSON Patch body is an array of operations.");
        }

        var (status, reason) = (current.Rows[0].Status, current.Reason);
        foreach (var operation in document.RootElement.EnumerateArray())
        {
            var op = operation.ValueKind == JsonValueKind.Object && operation.TryGetProperty("op", out var o) ? o.GetString() : null;
            var path = operation.ValueKind == JsonValueKind.Object && operation.TryGetProperty("path", out var p) ? p.GetString() : null;
            var hasValue = operation.ValueKind == JsonValueKind.Object && operation.TryGetProperty("value", out _);
            if (op is null || path is null || !hasValue)
            {
                throw new FhirRequestException("Each JSON Patch operation needs 'op', 'path' and 'value'.");
            }

            var value = operation.GetProperty("value");
            (status, reason) = (op, path) switch
            {
                ("replace", "/status") when value.ValueKind == JsonValueKind.String =>
                    (ObservationCodes.Status(value.GetString()!) ?? throw new FhirRequestException("Unknown Observation status."), reason),
                ("add" or "replace", "/note") when value.ValueKind == JsonValueKind.Array => (status, Texts(value)),
                ("add", "/note/-" or "/note/0") when value.ValueKind == JsonValueKind.Object => (status, Texts(value)),
                _ => throw StatusTransitions.Unprocessable($"Only 'replace /status' and 'add /note' may be patched, not '{op} {path}'."),
            };
        }

        return (status, reason);
    }

    private static bool SameObservation(List<VitalSignReading> readings, IReadOnlyList<StoredReading> stored) =>
        readings.Count == stored.Count
        && readings.Select(r => r.Status).Distinct().Count() == 1
        && readings.OrderBy(r => r.Kind).Zip(stored.OrderBy(s => s.Kind)).All(pair =>
            pair.First.Kind == pair.Second.Kind
            && pair.First.MdcCode == pair.Second.MdcCode
            && (float)pair.First.Value == (float)pair.Second.Value
            && pair.First.EffectiveAt == pair.Second.EffectiveAt
            && pair.First.Patient == pair.Second.Patient
            && pair.First.Device == pair.Second.Device);

    private static string? Reason(JsonElement observation) =>
        observation.TryGetProperty("note", out var notes) ? Texts(notes) : null;

    private static string? Texts(JsonElement notes)
    {
        var items = notes.ValueKind == JsonValueKind.Array ? notes.EnumerateArray().ToArray() : [notes];
        var texts = items
            .Select(n => n.ValueKind == JsonValueKind.Object && n.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .ToArray();
        return texts.Length == 0 ? null : string.Join('\n', texts);
    }

    private static JsonDocument Parse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body, JsonOptions);
        }
        catch (JsonException)
        {
            throw new FhirRequestException("The body is not valid JSON (or nests deeper than 32).");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, string[] mediaTypes, CancellationToken cancellationToken)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is null || !mediaTypes.Contains(mediaType))
        {
            throw new FhirRequestException(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                $"Send the body as {string.Join(" or ", mediaTypes)}.");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw TooLarge();
            }
        }

        return buffer.ToArray();
    }

    private static FhirRequestException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong, $"The body exceeds {MaxBodyBytes} bytes.");
}

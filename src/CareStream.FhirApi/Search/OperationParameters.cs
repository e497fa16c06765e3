using System.Globalization;
using System.Text.Json;
using CareStream.FhirApi.Http;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Search;

/// <summary>
/// Reads the parameters of an operation invoked by POST: a form body (<c>application/x-www-form-urlencoded</c>) or a
/// FHIR Parameters resource (<c>application/fhir+json</c>) whose primitive, Reference and Coding values become search
/// values. Anything else is a 415; bodies are capped in size and JSON depth.
/// </summary>
public static class OperationParameters
{
    public const int MaxBodyBytes = 64 * 1024;
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 16 };

    public static async Task<SearchParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new FhirRequestException(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong, $"The body exceeds {MaxBodyBytes} bytes.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType == "application/x-www-form-urlencoded")
        {
            var form = await request.ReadFormAsync(cancellationToken);
            pairs.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))));
        }
        else if (mediaType is FhirJson.MediaType or "application/json")
        {
            pairs.AddRange(await ReadParametersAsync(request, cancellationToken));
        }
        else if (request.ContentLength is > 0 || mediaType is not null)
        {
            throw new FhirRequestException(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
                "Send a FHIR Parameters resource as application/fhir+json, or a form (application/x-www-form-urlencoded).");
        }

        return new SearchParameters(pairs, SearchParameters.IsStrict(request));
    }

    private static async Task<List<KeyValuePair<string, string>>> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBodyBytes)
        {
            throw new FhirRequestException(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong, $"The body exceeds {MaxBodyBytes} bytes.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(buffer.ToArray(), JsonOptions);
        }
        catch (JsonException)
        {
            throw new FhirRequestException("The body is not valid JSON (or nests deeper than 16).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Parameters")
            {
                throw new FhirRequestException("The body must be a FHIR Parameters resource.");
            }

            var pairs = new List<KeyValuePair<string, string>>();
            if (root.TryGetProperty("parameter", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
            {
                foreach (var parameter in parameters.EnumerateArray())
                {
                    pairs.Add(ToPair(parameter));
                }
            }

            return pairs;
        }
    }

    private static KeyValuePair<string, string> ToPair(JsonElement parameter)
    {
        if (parameter.ValueKind != JsonValueKind.Object || !parameter.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            throw new FhirRequestException("Every Parameters.parameter needs a name.");
        }

        foreach (var property in parameter.EnumerateObject().Where(p => p.Name.StartsWith("value", StringComparison.Ordinal)))
        {
            var value = property.Value;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.Object when property.Name == "valueReference" && value.TryGetProperty("reference", out var r) => r.GetString(),
                JsonValueKind.Object when property.Name == "valueCoding" => Token(value),
                _ => null,
            };
            if (text is not null)
            {
                return new(name.GetString()!, text);
            }
        }

        throw new FhirRequestException(string.Create(CultureInfo.InvariantCulture, $"Parameter '{Clip(name.GetString()!)}' has no supported value[x]."));
    }

    private static string? Token(JsonElement coding) =>
        coding.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            ? (coding.TryGetProperty("system", out var system) && system.ValueKind == JsonValueKind.String ? system.GetString() + "|" : "") + code.GetString()
            : null;

    private static string Clip(string s) => s.Length <= 64 ? s : s[..64];
}

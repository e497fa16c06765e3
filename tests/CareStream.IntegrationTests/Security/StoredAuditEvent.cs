using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// What the A10 test reads back from one stored AuditEvent: the request's trace id (the BALP <c>XrequestId</c> entity),
/// outcome, the patient entity, the break-glass purpose, the operation subtype and the query entity; plus the raw JSON.
/// </summary>
internal sealed record StoredAuditEvent(
    string Json, string? TraceId, string Outcome, string? OutcomeDesc, string? Patient, bool BreakGlass, string? Operation, string? Query)
{
    /// <summary>Every AuditEvent recorded from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive, if given), all pages.</summary>
    public static async Task<List<StoredAuditEvent>> SearchAsync(
        HttpClient admin, DateTimeOffset from, DateTimeOffset? to, Action countRequest, CancellationToken ct)
    {
        var query = "date=ge" + Instant(from) + (to is { } end ? "&date=lt" + Instant(end) : "");
        var next = new Uri($"/fhir/AuditEvent?{query}&_count=50", UriKind.Relative);
        var found = new List<StoredAuditEvent>();
        for (var page = 0; page < 100; page++)
        {
            countRequest();
            using var response = await admin.GetAsync(next, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.IsSuccessStatusCode, $"GET {next} answered {(int)response.StatusCode}: {body}");
            using var bundle = JsonDocument.Parse(body);
            if (bundle.RootElement.TryGetProperty("entry", out var entries))
            {
                found.AddRange(entries.EnumerateArray().Select(e => Parse(e.GetProperty("resource"))));
            }

            var link = bundle.RootElement.GetProperty("link").EnumerateArray()
                .FirstOrDefault(l => l.GetProperty("relation").GetString() == "next");
            if (link.ValueKind == JsonValueKind.Undefined)
            {
                return found;
            }

            next = new Uri(link.GetProperty("url").GetString()!);
        }

        throw new InvalidOperationException("More than 100 pages of AuditEvents.");
    }

    private static string Instant(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));

    private static StoredAuditEvent Parse(JsonElement audit)
    {
        string? traceId = null, patient = null, query = null;
        foreach (var entity in audit.TryGetProperty("entity", out var entities) ? [.. entities.EnumerateArray()] : new List<JsonElement>())
        {
            if (Code(entity, "type") == "XrequestId")
            {
                traceId = entity.GetProperty("what").GetProperty("identifier").GetProperty("value").GetString();
            }
            else if (Code(entity, "role") == "1")
            {
                patient = entity.GetProperty("what").GetProperty("reference").GetString()?["Patient/".Length..];
            }
            else if (entity.TryGetProperty("query", out var encoded))
            {
                query = Encoding.UTF8.GetString(encoded.GetBytesFromBase64());
            }
        }

        var operation = audit.GetProperty("subtype").EnumerateArray()
            .Where(c => c.GetProperty("system").GetString() == "urn:carestream:operation")
            .Select(c => c.GetProperty("code").GetString()).FirstOrDefault();
        var breakGlass = audit.TryGetProperty("purposeOfEvent", out var purposes) && purposes.EnumerateArray()
            .SelectMany(p => p.GetProperty("coding").EnumerateArray()).Any(c => c.GetProperty("code").GetString() == "BTG");
        return new StoredAuditEvent(
            audit.GetRawText(), traceId, audit.GetProperty("outcome").GetString()!,
            audit.TryGetProperty("outcomeDesc", out var desc) ? desc.GetString() : null, patient, breakGlass, operation, query);
    }

    private static string? Code(JsonElement entity, string property) =>
        entity.TryGetProperty(property, out var coding) && coding.TryGetProperty("code", out var code) ? code.GetString() : null;
}

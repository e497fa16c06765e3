using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareStream.Fhir.Ingress;

/// <summary>
/// Refuses active content in <c>text.div</c> (B8): scripts, event-handler attributes, embedded frames and
/// <c>javascript:</c>/<c>vbscript:</c>/<c>data:</c> URLs. FHIR narrative (txt-1) allows only basic XHTML, and a
/// dashboard may render it, so such a resource is refused rather than sanitised, on every ingress path (HTTP, MLLP
/// output, direct Kafka producers): <see cref="ObservationElementReader"/> calls it for each Observation.
/// </summary>
internal static partial class NarrativeGuard
{
    /// <summary>Returns why the resource's narrative is unsafe, or null when it has none or it is plain XHTML.</summary>
    public static string? Check(JsonElement resource)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("text", out var text)
            || text.ValueKind != JsonValueKind.Object || !text.TryGetProperty("div", out var div))
        {
            return null;
        }

        if (div.ValueKind != JsonValueKind.String)
        {
            return "text.div must be an XHTML string.";
        }

        Match match;
        try
        {
            match = ActiveContent().Match(div.GetString()!);
        }
        catch (RegexMatchTimeoutException)
        {
            // The parser must never throw on input; a narrative too convoluted to check in time is refused.
            return "text.div could not be checked for active content in time; send plain XHTML.";
        }

        return match.Success
            ? $"text.div contains active content ('{match.Value.Trim()}'); narrative must be plain XHTML without scripts, event handlers or script URLs."
            : null;
    }

    [GeneratedRegex(
        @"<\s*(script|iframe|object|embed|form|style|link|meta|base)\b|\son[a-z]+\s*=|(javascript|vbscript)\s*:|\b(href|src)\s*=\s*[""']?\s*data\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ActiveContent();
}

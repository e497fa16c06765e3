using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareStream.Ingestion.Http;

/// <summary>
/// Refuses active content in <c>text.div</c> (B8): scripts, event-handler attributes, embedded frames and
/// <c>javascript:</c>/<c>vbscript:</c>/<c>data:</c> URLs. FHIR narrative (txt-1) allows only basic XHTML, and a
/// dashboard may render it, so such a resource is refused on write rather than sanitised.
/// </summary>
internal static partial class NarrativeGuard
{
    public const string UnsafeNarrativeCode = "UnsafeNarrative";

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

        var match = ActiveContent().Match(div.GetString()!);
        return match.Success
            ? $"text.div contains active content ('{match.Value.Trim()}'); narrative must be plain XHTML without scripts, event handlers or script URLs."
            : null;
    }

    [GeneratedRegex(
        @"<\s*(script|iframe|object|embed|form|style|link|meta|base)\b|\son[a-z]+\s*=|(javascript|vbscript)\s*:|\b(href|src)\s*=\s*[""']?\s*data\s*:",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex ActiveContent();
}

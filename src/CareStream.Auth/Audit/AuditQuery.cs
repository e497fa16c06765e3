using System.Net;

namespace CareStream.Auth.Audit;

/// <summary>
/// The query string as the audit trail keeps it: without <c>access_token</c> and with the values of parameters that
/// identify a person by name, birth date or contact (<c>name</c>, <c>family</c>, <c>given</c>, <c>birthdate</c> …)
/// replaced by <c>redacted</c>; the parameters themselves stay, so what kind of lookup it was remains visible.
/// </summary>
internal static class AuditQuery
{
    public const string Redacted = "redacted";

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "access_token", "token", "code", "client_secret" };

    private static readonly HashSet<string> Identifying = new(StringComparer.OrdinalIgnoreCase)
    {
        "name", "family", "given", "phonetic", "birthdate", "address", "address-city", "address-postalcode", "address-state",
        "telecom", "phone", "email", "_content", "_text",
    };

    /// <summary>The cleaned query without the leading <c>?</c>, or null when nothing is left.</summary>
    public static string? Clean(string? queryString)
    {
        if (string.IsNullOrEmpty(queryString) || queryString == "?")
        {
            return null;
        }

        var kept = new List<string>();
        foreach (var pair in queryString.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            var name = WebUtility.UrlDecode(key);
            var baseName = name.Split(':', 2)[0].Split('.', 2)[0];
            if (Dropped.Contains(baseName))
            {
                continue;
            }

            kept.Add(Identifying.Contains(baseName) ? key + "=" + Redacted : pair);
        }

        return kept.Count == 0 ? null : string.Join('&', kept);
    }

    /// <summary>A patient id from a <c>patient</c>/<c>subject</c> value (<c>Patient/x</c> or <c>x</c>), if it names exactly one.</summary>
    public static string? PatientId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
        return id.Length is > 0 and <= 64 && !id.Contains(',', StringComparison.Ordinal) && !id.Contains('/', StringComparison.Ordinal) ? id : null;
    }
}

using CareStream.FhirApi.Http;

namespace CareStream.FhirApi.Search;

/// <summary>Parses reference search values (<c>Type/id</c> or a bare <c>id</c>) and FHIR ids.</summary>
public static class FhirReference
{
    /// <summary>A FHIR id: 1–64 of [A-Za-z0-9-.].</summary>
    public static bool IsValidId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');

    /// <summary>The id of a <paramref name="type"/> reference value; 400 for anything else.</summary>
    public static string ParseId(string parameter, string type, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains(',', StringComparison.Ordinal))
        {
            throw FhirRequestException.InvalidParameter(parameter, "only one reference per search is supported.");
        }

        var prefix = type + "/";
        var id = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;
        return IsValidId(id) ? id : throw FhirRequestException.InvalidParameter(parameter, $"not a {type} reference or id.");
    }

    /// <summary>Splits a token value into (system, code); system is null when no '|' is given.</summary>
    public static (string? System, string Code) SplitToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var bar = token.IndexOf('|', StringComparison.Ordinal);
        return bar < 0 ? (null, token) : (token[..bar], token[(bar + 1)..]);
    }
}

using System.Text;
using CareStream.FhirApi.Http;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Search;

/// <summary>
/// The parameters of one search as sent, in order. Handlers take the names they support (values are checked for
/// length and control characters), record what they applied for the <c>self</c> link, and finally
/// <see cref="ThrowIfUnknown"/> rejects the rest under <c>Prefer: handling=strict</c> (lenient: ignored, left out).
/// </summary>
public sealed class SearchParameters
{
    public const int MaxValueLength = 1024;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _all;
    private readonly HashSet<string> _recognized = new(StringComparer.Ordinal);
    private readonly List<KeyValuePair<string, string>> _applied = [];

    public SearchParameters(IEnumerable<KeyValuePair<string, string>> parameters, bool strict)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _all = parameters.ToList();
        Strict = strict;
    }

    /// <summary>True under <c>Prefer: handling=strict</c>.</summary>
    public bool Strict { get; }

    public static SearchParameters FromQuery(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pairs = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? "")));
        return new SearchParameters(pairs, IsStrict(request));
    }

    public static bool IsStrict(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers["Prefer"].Any(p => p is not null
            && p.Split([',', ';']).Any(t => t.Trim().Equals("handling=strict", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>All values of <paramref name="name"/> (a repeated parameter ANDs its values), marking it supported.</summary>
    public IReadOnlyList<string> Values(string name)
    {
        _recognized.Add(name);
        var values = _all.Where(p => p.Key == name).Select(p => p.Value).ToList();
        foreach (var value in values)
        {
            if (value.Length > MaxValueLength)
            {
                throw FhirRequestException.InvalidParameter(name, $"longer than {MaxValueLength} characters.");
            }

            if (value.Any(char.IsControl))
            {
                throw FhirRequestException.InvalidParameter(name, "contains control characters.");
            }
        }

        return values;
    }

    /// <summary>The one value of <paramref name="name"/>, or null; repeating it is a 400.</summary>
    public string? One(string name)
    {
        var values = Values(name);
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => throw FhirRequestException.InvalidParameter(name, "may appear only once."),
        };
    }

    /// <summary>Records a parameter the search applied, for the <c>self</c> link.</summary>
    public void Applied(string name, string value) => _applied.Add(new(name, value));

    /// <summary>Marks a parameter as understood but not applied (e.g. an unsupported value under lenient handling).</summary>
    public void Ignore(string name) => _recognized.Add(name);

    /// <summary>Under strict handling, a parameter nobody took is a 400.</summary>
    public void ThrowIfUnknown()
    {
        if (Strict && _all.FirstOrDefault(p => !_recognized.Contains(p.Key)) is { Key: not null } unknown)
        {
            throw FhirRequestException.InvalidParameter(Truncate(unknown.Key), "not supported (Prefer: handling=strict).");
        }
    }

    /// <summary>The query string (with '?') of the applied parameters plus <paramref name="extra"/>.</summary>
    public string AppliedQuery(params KeyValuePair<string, string>[] extra)
    {
        var query = new StringBuilder();
        foreach (var (name, value) in _applied.Concat(extra))
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return query.ToString();
    }

    private static string Truncate(string name) => name.Length <= 64 ? name : name[..64] + "…";
}

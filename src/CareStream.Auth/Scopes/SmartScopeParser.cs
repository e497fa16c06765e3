using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CareStream.Auth.Scopes;

/// <summary>
/// Parses SMART clinical scopes, v2 (<c>.cruds</c>, letters in canonical order, optional <c>?param=value</c>) and
/// v1 (<c>.read</c> = <c>.rs</c>, <c>.write</c> = <c>.cud</c>, <c>.*</c> = <c>.cruds</c>). Non-clinical scopes
/// (<c>openid</c>, <c>offline_access</c>, <c>launch</c> …) are not clinical scopes and yield false.
/// </summary>
public static partial class SmartScopeParser
{
    internal static readonly (char Letter, SmartPermissions Permission)[] Letters =
    [
        ('c', SmartPermissions.Create), ('r', SmartPermissions.Read), ('u', SmartPermissions.Update),
        ('d', SmartPermissions.Delete), ('s', SmartPermissions.Search),
    ];

    public static bool TryParse(string? text, [NotNullWhen(true)] out SmartScope? scope)
    {
        scope = null;
        var match = text is null ? null : ScopePattern().Match(text);
        if (match is not { Success: true })
        {
            return false;
        }

        var context = match.Groups["context"].Value switch
        {
            "patient" => SmartContext.Patient,
            "user" => SmartContext.User,
            _ => SmartContext.System,
        };
        var permissions = ParsePermissions(match.Groups["permissions"].Value);
        if (permissions == SmartPermissions.None || !TryParseConstraints(match.Groups["query"], out var constraints))
        {
            return false;
        }

        scope = new SmartScope(context, match.Groups["resource"].Value, permissions, constraints);
        return true;
    }

    /// <summary>The clinical scopes among <paramref name="scopes"/> (space-separated tokens allowed); the rest are ignored.</summary>
    public static IReadOnlyList<SmartScope> ParseAll(IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        var parsed = new List<SmartScope>();
        foreach (var token in scopes.SelectMany(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            if (TryParse(token, out var scope))
            {
                parsed.Add(scope);
            }
        }

        return parsed;
    }

    private static SmartPermissions ParsePermissions(string text)
    {
        switch (text)
        {
            case "read":
                return SmartPermissions.Read | SmartPermissions.Search;
            case "write":
                return SmartPermissions.Create | SmartPermissions.Update | SmartPermissions.Delete;
            case "*":
                return SmartPermissions.All;
        }

        // v2: each letter at most once and in the order c, r, u, d, s.
        var result = SmartPermissions.None;
        var next = 0;
        foreach (var letter in text)
        {
            var index = Array.FindIndex(Letters, next, l => l.Letter == letter);
            if (index < 0)
            {
                return SmartPermissions.None;
            }

            result |= Letters[index].Permission;
            next = index + 1;
        }

        return result;
    }

    private static bool TryParseConstraints(Group query, out IReadOnlyList<ScopeConstraint> constraints)
    {
        constraints = [];
        if (!query.Success)
        {
            return true;
        }

        var list = new List<ScopeConstraint>();
        foreach (var pair in query.Value.Split('&'))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                return false;
            }

            list.Add(new ScopeConstraint(Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..])));
        }

        constraints = list;
        return true;
    }

    [GeneratedRegex(@"^(?<context>patient|user|system)/(?<resource>\*|[A-Z][A-Za-z]{1,63})\.(?<permissions>read|write|\*|[cruds]{1,5})(\?(?<query>[^\s?]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ScopePattern();
}

using System.Collections.Frozen;
using System.Text.Json;
using CareStream.Domain.Vitals;

namespace CareStream.Rules.RuleSets;

/// <summary>Rule-set parameter names: the camelCase <see cref="VitalSignKind"/> names.</summary>
public static class ParameterNames
{
    private static readonly FrozenDictionary<string, VitalSignKind> ByName = Enum.GetValues<VitalSignKind>()
        .ToFrozenDictionary(k => NameOf(k), StringComparer.Ordinal);

    public static string NameOf(VitalSignKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    public static bool TryParse(string name, out VitalSignKind kind) => ByName.TryGetValue(name, out kind);

    public static VitalSignKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"'{name}' is not a known parameter.", nameof(name));

    public static IEnumerable<string> All => ByName.Keys.Order(StringComparer.Ordinal);
}

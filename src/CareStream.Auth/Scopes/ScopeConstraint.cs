namespace CareStream.Auth.Scopes;

/// <summary>
/// One granular scope restriction (<c>?category=system|code</c>). A value without <c>|</c> matches the code in any
/// system; with <c>|</c> both must match (FHIR token search semantics).
/// </summary>
public sealed record ScopeConstraint(string Parameter, string Value)
{
    /// <summary>True when a resource whose <see cref="Parameter"/> has the coding (<paramref name="system"/>, <paramref name="code"/>) satisfies it.</summary>
    public bool Matches(string? system, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var bar = Value.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0)
        {
            return string.Equals(Value, code, StringComparison.Ordinal);
        }

        var wantedSystem = Value[..bar];
        var wantedCode = Value[(bar + 1)..];
        return string.Equals(wantedCode, code, StringComparison.Ordinal)
            && (wantedSystem.Length == 0 ? string.IsNullOrEmpty(system) : string.Equals(wantedSystem, system, StringComparison.Ordinal));
    }
}

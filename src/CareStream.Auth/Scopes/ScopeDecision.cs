namespace CareStream.Auth.Scopes;

/// <summary>The verdict of <see cref="SmartScopeEvaluator"/>: allow, deny, or allow only resources that satisfy a filter.</summary>
public abstract record ScopeDecision
{
    private ScopeDecision()
    {
    }

    public static ScopeDecision Allowed { get; } = new Allow();

    public static ScopeDecision Denied { get; } = new Deny();

    /// <summary>Every resource of the requested type may be touched (ward and patient-compartment rules still apply).</summary>
    public sealed record Allow : ScopeDecision;

    /// <summary>No granted scope covers the request: 403 (or 404 for reads of a single resource, see the ADR).</summary>
    public sealed record Deny : ScopeDecision;

    /// <summary>
    /// Only resources that satisfy at least one entry of <see cref="AnyOf"/> (each entry: all of its constraints)
    /// may be returned or written. The FHIR API turns this into a mandatory SQL predicate, never a post-filter on a page.
    /// </summary>
    public sealed record Filter(IReadOnlyList<IReadOnlyList<ScopeConstraint>> AnyOf) : ScopeDecision
    {
        /// <summary>True when a resource, described by its coded values per parameter, passes the filter.</summary>
        public bool Permits(Func<string, IEnumerable<(string? System, string Code)>> valuesOf)
        {
            ArgumentNullException.ThrowIfNull(valuesOf);
            return AnyOf.Any(all => all.All(c => valuesOf(c.Parameter).Any(v => c.Matches(v.System, v.Code))));
        }

        public bool Equals(Filter? other) => other is not null && AnyOf.Count == other.AnyOf.Count
            && AnyOf.Zip(other.AnyOf).All(p => p.First.SequenceEqual(p.Second));

        public override int GetHashCode() => AnyOf.Count;
    }
}

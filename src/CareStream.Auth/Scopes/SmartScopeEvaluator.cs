namespace CareStream.Auth.Scopes;

/// <summary>
/// The pure scope check of guide S1: <c>(scopes, request) → Allow | Deny | Filter</c>. No I/O, no clock. Scopes
/// combine by union: one unconstrained scope covering the request allows it; otherwise the constrained scopes that
/// cover it become alternatives of a <see cref="ScopeDecision.Filter"/>. Ward access (S4) and the patient compartment
/// of <c>patient/</c> scopes are separate checks applied on top.
/// </summary>
public static class SmartScopeEvaluator
{
    public static ScopeDecision Evaluate(IEnumerable<SmartScope> scopes, ScopeRequest request)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(request);

        var covering = scopes.Where(s => s.AppliesTo(request.ResourceType) && s.Grants(request.Interaction)).ToList();
        if (covering.Count == 0)
        {
            return ScopeDecision.Denied;
        }

        if (covering.Any(s => s.IsUnconstrained))
        {
            return ScopeDecision.Allowed;
        }

        var alternatives = covering.Select(s => s.Constraints).Distinct(ConstraintListComparer.Instance).ToList();
        return new ScopeDecision.Filter(alternatives);
    }

    /// <summary>Parses the token's <c>scope</c> values and evaluates; unparseable scopes grant nothing.</summary>
    public static ScopeDecision Evaluate(IEnumerable<string> scopes, ScopeRequest request) =>
        Evaluate(SmartScopeParser.ParseAll(scopes), request);

    private sealed class ConstraintListComparer : IEqualityComparer<IReadOnlyList<ScopeConstraint>>
    {
        public static readonly ConstraintListComparer Instance = new();

        public bool Equals(IReadOnlyList<ScopeConstraint>? x, IReadOnlyList<ScopeConstraint>? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<ScopeConstraint> obj) => obj.Count == 0 ? 0 : obj[0].GetHashCode();
    }
}

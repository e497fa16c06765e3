using System.Diagnostics.CodeAnalysis;

namespace CareStream.Rules.RuleSets;

/// <summary>Outcome of <see cref="RuleSetLoader.Load"/>: a valid rule set, or the errors.</summary>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<string> Errors)
{
    [MemberNotNullWhen(true, nameof(RuleSet))]
    public bool IsValid => RuleSet is not null;
}

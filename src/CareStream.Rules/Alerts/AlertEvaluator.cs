namespace CareStream.Rules.Alerts;

/// <summary>Runs every rule of a rule set over one window. Pure; rule ids must be unique.</summary>
public sealed class AlertEvaluator
{
    public AlertEvaluator(IEnumerable<IAlertRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
        var duplicate = Rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Duplicate rule id '{duplicate.Key}'.", nameof(rules));
        }
    }

    public IReadOnlyList<IAlertRule> Rules { get; }

    /// <summary>The decisions of all rules whose condition holds, in rule order.</summary>
    public IReadOnlyList<AlertDecision> Evaluate(PatientVitalsWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var decisions = new List<AlertDecision>();
        foreach (var rule in Rules)
        {
            if (rule.Evaluate(window) is { } decision)
            {
                decisions.Add(decision);
            }
        }

        return decisions;
    }
}

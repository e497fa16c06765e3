namespace CareStream.Alerting.WhatIf;

/// <summary>Alarms one rule raised (episodes opened) under the current and under the candidate rule set.</summary>
public sealed record WhatIfRuleCount(string RuleId, int Current, int Candidate)
{
    public int Difference => Candidate - Current;
}

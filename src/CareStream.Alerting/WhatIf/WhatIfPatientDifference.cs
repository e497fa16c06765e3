namespace CareStream.Alerting.WhatIf;

/// <summary>One patient's rules whose alarm counts differ between the current and the candidate set.</summary>
public sealed record WhatIfPatientDifference(string Patient, IReadOnlyList<WhatIfRuleCount> Rules);

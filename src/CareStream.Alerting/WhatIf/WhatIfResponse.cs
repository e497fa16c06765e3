namespace CareStream.Alerting.WhatIf;

/// <summary>The answer of <c>POST /api/alarms/what-if</c>: which sets were compared and the <see cref="WhatIfReport"/>.</summary>
public sealed record WhatIfResponse(
    string Ward, string CurrentRuleSetId, int CurrentVersion, string CandidateRuleSetId, int CandidateVersion, WhatIfReport Report);

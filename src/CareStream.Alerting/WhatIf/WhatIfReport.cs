namespace CareStream.Alerting.WhatIf;

/// <summary>
/// Result of a what-if replay: per rule the alarms raised by the current and the candidate set over all patients
/// (ordered by rule id), and per patient the rules that differ (patients without differences are left out).
/// </summary>
public sealed record WhatIfReport(int Patients, int Readings, IReadOnlyList<WhatIfRuleCount> Rules, IReadOnlyList<WhatIfPatientDifference> Differences);

using System.Text.Json;

namespace CareStream.Alerting.WhatIf;

/// <summary><c>POST /api/alarms/what-if</c>: ward, [from, to) and the candidate rule set (rule-set file JSON).</summary>
public sealed record WhatIfRequest(string? Ward = null, DateTimeOffset? From = null, DateTimeOffset? To = null, JsonElement? RuleSet = null);

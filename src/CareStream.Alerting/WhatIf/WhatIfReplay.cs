using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;

namespace CareStream.Alerting.WhatIf;

/// <summary>
/// Evaluates two rule sets over the same stored readings with fresh <see cref="PatientAlarmTracker"/>s (no live state,
/// no Kafka) and compares the alarms they raise. Pure: time comes from the readings (each reading is evaluated at its
/// effective time, in time order). Counts <c>raised</c> events per rule id. Ticks are not simulated, so "no data"
/// and escalation are out of scope; limits, delays, hysteresis, trends and NEWS2 (without charting: incomplete) are in.
/// </summary>
public static class WhatIfReplay
{
    public static WhatIfReport Compare(
        RuleSet current, RuleSet candidate, IReadOnlyDictionary<PatientId, IReadOnlyList<VitalSignReading>> history)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(history);
        var totals = new SortedDictionary<string, (int Current, int Candidate)>(StringComparer.Ordinal);
        var differences = new List<WhatIfPatientDifference>();
        var readings = 0;
        foreach (var (patient, patientReadings) in history.OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            readings += patientReadings.Count;
            var ordered = patientReadings.OrderBy(r => r.EffectiveAt).ToList();
            var byCurrent = Raised(patient, current, ordered);
            var byCandidate = Raised(patient, candidate, ordered);
            var rules = byCurrent.Keys.Union(byCandidate.Keys).Order(StringComparer.Ordinal)
                .Select(rule => new WhatIfRuleCount(rule, byCurrent.GetValueOrDefault(rule), byCandidate.GetValueOrDefault(rule)))
                .ToList();
            foreach (var rule in rules)
            {
                var (c, k) = totals.GetValueOrDefault(rule.RuleId);
                totals[rule.RuleId] = (c + rule.Current, k + rule.Candidate);
            }

            if (rules.Any(r => r.Difference != 0))
            {
                differences.Add(new WhatIfPatientDifference(patient.Value, [.. rules.Where(r => r.Difference != 0)]));
            }
        }

        return new WhatIfReport(
            history.Count, readings, [.. totals.Select(t => new WhatIfRuleCount(t.Key, t.Value.Current, t.Value.Candidate))], differences);
    }

    /// <summary>Alarms raised per rule id when <paramref name="ruleSet"/> evaluates the readings in time order.</summary>
    public static Dictionary<string, int> Raised(PatientId patient, RuleSet ruleSet, IEnumerable<VitalSignReading> ordered)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(ordered);
        var tracker = PatientAlarmTracker.ForRuleSet(patient, ruleSet);
        var raised = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reading in ordered)
        {
            foreach (var alarm in tracker.OnReading(reading, reading.EffectiveAt).OfType<AlarmRaised>())
            {
                raised[alarm.Episode.RuleId] = raised.GetValueOrDefault(alarm.Episode.RuleId) + 1;
            }
        }

        return raised;
    }
}

using CareStream.Alerting.Limits;
using CareStream.Alerting.Publishing;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging.Scores;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;

namespace CareStream.Alerting.Tracking;

/// <summary>
/// One patient's <see cref="PatientAlarmTracker"/> with the lock that serialises the consumer loop and the tick
/// worker on it. Events are enqueued on the producer while the lock is held, so a patient's events reach the
/// alerts topic in the order the tracker emitted them; only the wait for their delivery happens outside.
/// </summary>
internal sealed class TrackedPatient(PatientId patient, int partition, RuleSet ruleSet, IEnumerable<AlarmEpisode> restored)
{
    private readonly Lock _gate = new();
    private readonly PatientAlarmTracker _tracker = PatientAlarmTracker.ForRuleSet(patient, ruleSet, restored);
    private RuleSet _ruleSet = ruleSet;
    private IReadOnlyDictionary<string, ParameterLimitsOverride> _overrides = PatientLimits.None;
    private bool _dropped;
    private PatientScore? _lastScore;

    public PatientId Patient { get; } = patient;

    public int Partition { get; } = partition;

    /// <summary>
    /// Runs one tracker step under the lock and enqueues its events, then — with <paramref name="score"/> — the
    /// patient's NEWS2 outcome if it changed (or is due for a refresh). The task completes when all are durable.
    /// </summary>
    public Task RunAsync(
        RuleSet current, Func<PatientAlarmTracker, IReadOnlyList<AlarmEvent>> step, AlarmPublisher publisher, ScoreContext? score = null)
    {
        lock (_gate)
        {
            if (_dropped)
            {
                return Task.CompletedTask; // the partition moved on: its new owner evaluates this patient
            }

            if (!ReferenceEquals(current, _ruleSet))
            {
                // Reloaded file or a ward transfer: rule ids are stable, so open episodes carry over.
                _ruleSet = current;
                ApplyRules();
            }

            var events = step(_tracker);
            var alarms = events.Count == 0 ? Task.CompletedTask : publisher.Enqueue(events);
            return score is null ? alarms : PublishScoreIfDue(current, score, alarms);
        }
    }

    /// <summary>Call under the lock: the score record follows the step's alarm events on the producer.</summary>
    private Task PublishScoreIfDue(RuleSet current, ScoreContext score, Task alarms)
    {
        var validity = TimeSpan.FromMinutes(current.EffectiveNews2.FreshnessMinutes);
        var candidate = PatientScoreRecords.From(Patient, _tracker.ScoreNews2(score.Now, validity), score.Location, score.Now, validity);
        if (!PatientScoreRecords.IsDue(candidate, _lastScore, score.Now))
        {
            return alarms;
        }

        _lastScore = candidate;
        return Task.WhenAll(alarms, score.Publisher.Enqueue(candidate));
    }

    /// <summary>
    /// Replaces the patient's limit overrides (empty = ward defaults) and swaps the merged rules in; open episodes
    /// carry over (rule ids are stable). Returns the validation errors when the merge with <paramref name="current"/>
    /// is invalid; the overrides are then kept but the ward set applies until a valid merge (fail towards the ward defaults).
    /// </summary>
    public IReadOnlyList<string> SetLimits(RuleSet current, IReadOnlyDictionary<string, ParameterLimitsOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(overrides);
        lock (_gate)
        {
            _ruleSet = current;
            _overrides = overrides;
            return ApplyRules();
        }
    }

    /// <summary>Call under the lock: compiles the ward set merged with the overrides (the ward set alone when that is invalid).</summary>
    private IReadOnlyList<string> ApplyRules()
    {
        IReadOnlyList<string> errors = [];
        var effective = _ruleSet;
        if (_overrides.Count > 0)
        {
            (var merged, errors) = PatientLimits.Merge(_ruleSet, _overrides);
            effective = errors.Count == 0 ? merged : _ruleSet;
        }

        _tracker.UpdateRules(RuleSetCompiler.Compile(effective), effective.EffectiveEscalation);
        return errors;
    }

    /// <summary>Loads already-processed readings without evaluating (restart rebuild).</summary>
    public void Replay(IEnumerable<CareStream.Domain.Vitals.VitalSignReading> readings)
    {
        lock (_gate)
        {
            _tracker.Replay(readings);
        }
    }

    /// <summary>Loads charting recorded before a restart without evaluating (restart rebuild).</summary>
    public void RestoreCharting(CareStream.Rules.News2.ChartingInputs charting)
    {
        lock (_gate)
        {
            _tracker.RestoreCharting(charting);
        }
    }

    /// <summary>Marks the tracker dead after its partition was revoked; later steps do nothing.</summary>
    public void Drop()
    {
        lock (_gate)
        {
            _dropped = true;
        }
    }
}

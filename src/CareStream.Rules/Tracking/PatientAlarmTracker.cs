using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;
using CareStream.Rules.Lifecycle;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.Tracking;

/// <summary>
/// In-memory, single-threaded alarm state of one patient: recent readings, charting, device signal state and the
/// latest episode per rule. Combines <see cref="AlertEvaluator"/> with <see cref="AlarmLifecycle"/>: every input
/// returns the alarm events to publish. Pure and deterministic: no clock, no I/O.
/// Restart / rebalance (F11): construct with the episodes last published for the patient (from the alert store),
/// <see cref="Replay"/> the readings up to the committed offset (events suppressed), then continue live —
/// replayed or redelivered inputs never emit an event twice, and a crossing after the replay point is raised.
/// </summary>
public sealed class PatientAlarmTracker
{
    private readonly PatientReadingBuffer _readings;
    private readonly Dictionary<string, AlarmEpisode> _episodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(DeviceId, VitalSignKind), DeviceSignalReport> _signals = [];
    private AlertEvaluator _evaluator;
    private EscalationConfig _escalation;
    private ChartingInputs _charting = ChartingInputs.None;
    private IReadOnlyList<DeviceId> _unassociated = [];

    public PatientAlarmTracker(
        PatientId patient,
        IEnumerable<IAlertRule> rules,
        EscalationConfig escalation,
        TimeSpan retention,
        IEnumerable<AlarmEpisode>? restoredEpisodes = null)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        Patient = patient;
        _evaluator = new AlertEvaluator(rules);
        _escalation = escalation;
        _readings = new PatientReadingBuffer(patient, retention);
        foreach (var episode in restoredEpisodes ?? [])
        {
            if (episode.Patient != patient)
            {
                throw new ArgumentException("A restored episode belongs to another patient.", nameof(restoredEpisodes));
            }

            // Keep the latest episode per rule (resolved ones too: they make a re-delivered raise idempotent).
            if (!_episodes.TryGetValue(episode.RuleId, out var known) || known.RaisedAt <= episode.RaisedAt)
            {
                _episodes[episode.RuleId] = episode;
            }
        }
    }

    public PatientId Patient { get; }

    /// <summary>The latest episode per rule id (open or recently resolved).</summary>
    public IReadOnlyCollection<AlarmEpisode> Episodes => _episodes.Values;

    /// <summary>Builds a tracker for a validated rule set, with a retention long enough for its delays and trends.</summary>
    public static PatientAlarmTracker ForRuleSet(
        PatientId patient, RuleSet ruleSet, IEnumerable<AlarmEpisode>? restoredEpisodes = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new PatientAlarmTracker(
            patient, RuleSetCompiler.Compile(ruleSet), ruleSet.EffectiveEscalation, RetentionFor(ruleSet), restoredEpisodes);
    }

    /// <summary>Longest alarm-condition delay or trend span in the set, plus five minutes of slack.</summary>
    public static TimeSpan RetentionFor(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var delays = ruleSet.EffectiveLimits.Values
            .SelectMany(l => new[] { l.CriticalLow, l.WarningLow, l.WarningHigh, l.CriticalHigh })
            .Select(b => b?.DelaySeconds ?? 0)
            .DefaultIfEmpty(0)
            .Max();
        var trend = (ruleSet.RateOfChange ?? []).Select(r => r.OverMinutes * 60).DefaultIfEmpty(0).Max();
        return TimeSpan.FromSeconds(Math.Max(delays, trend)) + TimeSpan.FromMinutes(5);
    }

    /// <summary>A new (or re-delivered, amended, entered-in-error) reading. Duplicates return no events.</summary>
    public IReadOnlyList<AlarmEvent> OnReading(VitalSignReading reading, DateTimeOffset now)
    {
        if (!_readings.Add(reading))
        {
            return [];
        }

        // A valid value from a device proves its signal for that parameter is back.
        if (reading.Status != ObservationStatus.EnteredInError
            && _signals.TryGetValue((reading.Device, reading.Kind), out var signal)
            && signal.ReportedAt <= reading.EffectiveAt)
        {
            _signals.Remove((reading.Device, reading.Kind));
        }

        return Evaluate(now, reading.EffectiveAt);
    }

    /// <summary>Time passes: "no data" checks and escalation timeouts.</summary>
    public IReadOnlyList<AlarmEvent> OnTick(DateTimeOffset now) => Evaluate(now, now);

    /// <summary>The charted NEWS2 inputs currently in force.</summary>
    public ChartingInputs Charting => _charting;

    /// <summary>
    /// Reloads charting recorded before a restart without evaluating (like <see cref="Replay"/>): the restored
    /// episodes are the published truth, and the next live input evaluates with these inputs.
    /// </summary>
    public void RestoreCharting(ChartingInputs charting)
    {
        ArgumentNullException.ThrowIfNull(charting);
        _charting = charting;
    }

    /// <summary>New charted air/oxygen, ACVPU, SpO₂ scale or population flag.</summary>
    public IReadOnlyList<AlarmEvent> OnCharting(ChartingInputs charting, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(charting);
        _charting = charting;
        return Evaluate(now, now);
    }

    /// <summary>A device's signal-quality report (sensor off, invalid signal, or normal again).</summary>
    public IReadOnlyList<AlarmEvent> OnDeviceSignal(DeviceSignalReport report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(report);
        var key = (report.Device, report.Kind);
        if (_signals.TryGetValue(key, out var known) && known.ReportedAt > report.ReportedAt)
        {
            return []; // older than what we know
        }

        if (report.Condition == DeviceSignalCondition.Normal)
        {
            _signals.Remove(key);
        }
        else
        {
            _signals[key] = report;
        }

        return Evaluate(now, now);
    }

    /// <summary>The devices at this patient's bed that publish without an association (empty = none).</summary>
    public IReadOnlyList<AlarmEvent> OnUnassociatedDevices(IReadOnlyList<DeviceId> devices, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(devices);
        _unassociated = [.. devices.Distinct().OrderBy(d => d.Value, StringComparer.Ordinal)];
        return Evaluate(now, now);
    }

    /// <summary>Acknowledge, pause audio, annotate or escalate the current episode of a rule.</summary>
    public AlarmTransition Handle(AlarmCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var current = _episodes.Values.FirstOrDefault(e => e.EpisodeId == command.EpisodeId);
        var transition = AlarmLifecycle.Handle(current, command, _escalation);
        if (!transition.IsRejected && transition.Episode is { } episode)
        {
            _episodes[episode.RuleId] = episode;
        }

        return transition;
    }

    /// <summary>
    /// Reloads readings already processed before a restart (up to the committed offset) without evaluating:
    /// the restored episodes are the published truth, and the next live input evaluates against both. Replaying
    /// transitions here would let old data silently resolve a restored episode and then block its re-raise.
    /// Without restored episodes the first live input re-raises an active alarm under the same deterministic
    /// episode and event ids, so downstream de-duplication still holds (acknowledgements are then lost).
    /// </summary>
    public void Replay(IEnumerable<VitalSignReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        foreach (var reading in readings.OrderBy(r => r.EffectiveAt))
        {
            _readings.Add(reading);
        }
    }

    /// <summary>Swaps in a reloaded rule set's rules. Open episodes keep their ids (rule ids are stable).</summary>
    public void UpdateRules(IEnumerable<IAlertRule> rules, EscalationConfig escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        _evaluator = new AlertEvaluator(rules);
        _escalation = escalation;
    }

    /// <summary>
    /// The patient's NEWS2 at <paramref name="now"/> from the latest valid reading per parameter within
    /// <paramref name="freshness"/> and the charted inputs (<see cref="News2InputSelector"/>): what the ward sees as
    /// the current score. Parameters without a fresh value are listed as missing, never scored 0.
    /// </summary>
    public News2Result ScoreNews2(DateTimeOffset now, TimeSpan freshness)
    {
        var (inputs, _) = News2InputSelector.Select(WindowAt(now), freshness);
        return News2Calculator.Calculate(inputs);
    }

    private PatientVitalsWindow WindowAt(DateTimeOffset now) => new(Patient, now, _readings.ByKind)
    {
        Charting = _charting,
        ActiveSignalConditions = [.. _signals.Values.OrderBy(r => r.ReportedAt).ThenBy(r => r.Device.Value, StringComparer.Ordinal)],
        UnassociatedDevices = _unassociated,
        ActiveRuleIds = _episodes.Values.Where(e => e.IsOpen && e.ConditionActive).Select(e => e.RuleId).ToHashSet(StringComparer.Ordinal),
        LastSeen = _readings.LastSeen,
    };

    /// <summary>Evaluates all rules at <paramref name="now"/>; <paramref name="dataTime"/> is the evidence's time.</summary>
    private List<AlarmEvent> Evaluate(DateTimeOffset now, DateTimeOffset dataTime)
    {
        var window = WindowAt(now);
        var decisions = _evaluator.Evaluate(window).ToDictionary(d => d.RuleId, StringComparer.Ordinal);
        var events = new List<AlarmEvent>();
        foreach (var rule in _evaluator.Rules)
        {
            _episodes.TryGetValue(rule.Id, out var current);
            var transition = decisions.TryGetValue(rule.Id, out var decision)
                ? AlarmLifecycle.OnConditionPresent(current, Patient, decision)
                : AlarmLifecycle.OnConditionAbsent(current, dataTime);
            if (transition.Episode is not null)
            {
                var tick = AlarmLifecycle.OnTick(transition.Episode, now, _escalation);
                transition = new AlarmTransition(tick.Episode, [.. transition.Events, .. tick.Events]);
            }

            if (transition.Episode is { } episode)
            {
                _episodes[rule.Id] = episode;
            }

            events.AddRange(transition.Events);
        }

        return events;
    }
}

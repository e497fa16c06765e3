using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.Alerts;
using CareStream.Rules.RuleSets;

namespace CareStream.Rules.Lifecycle;

/// <summary>
/// The alarm lifecycle as a pure state machine over one (rule, patient) episode:
/// raised → (escalated) → acknowledged → resolved, after IEC 60601-1-8 latching / non-latching signals and
/// ALARM RESET, and IHE ACM (a remote acknowledgement never clears a condition that still holds).
/// <list type="bullet">
/// <item>Non-latching: resolves as soon as the condition clears, acknowledged or not.</item>
/// <item>Latching: stays until acknowledged after the condition cleared (acknowledge first, clear later also works).</item>
/// <item>Priority only rises within an episode; a rise re-alerts (an acknowledged alarm becomes raised again).</item>
/// <item>High and Medium alarms not acknowledged within the configured time escalate, tier by tier.</item>
/// <item>After resolution the next occurrence is a new episode with a new id.</item>
/// </list>
/// Every method returns the new state and the emitted events; repeating an input emits nothing new.
/// </summary>
public static class AlarmLifecycle
{
    /// <summary>Longest audio pause a command may ask for (IEC 60601-1-8 AUDIO PAUSED is time-limited).</summary>
    public static readonly TimeSpan MaxAudioPause = TimeSpan.FromMinutes(10);

    /// <summary>Longest free-text note on an annotation.</summary>
    public const int MaxNoteLength = 500;

    /// <summary>The rule's condition holds (a decision was made).</summary>
    public static AlarmTransition OnConditionPresent(AlarmEpisode? current, PatientId patient, AlertDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (current is null || !current.IsOpen)
        {
            var id = StableIds.EpisodeId(decision.RuleId, patient, decision.ConditionStartedAt);
            if (current?.EpisodeId == id)
            {
                return AlarmTransition.Unchanged(current); // the same (already resolved) occurrence seen again
            }

            var raised = new AlarmEpisode(
                id, decision.RuleId, decision.RuleVersion, patient, decision.Category, decision.Priority,
                decision.Condition, decision.Latching, AlarmStatus.Raised, decision.ConditionStartedAt,
                decision.DetectedAt, ConditionActive: true, EscalationLevel: 0, decision.DetectedAt, null, null, null, null);
            return new AlarmTransition(raised, [new AlarmRaised(
                StableIds.EventId(id, "raised"), raised, decision.DetectedAt, decision.Detail, decision.EvidenceObservationIds)]);
        }

        var episode = current with { ConditionActive = true };
        if (decision.Priority <= current.Priority)
        {
            return AlarmTransition.Unchanged(episode);
        }

        episode = episode with
        {
            Priority = decision.Priority,
            Status = current.Status == AlarmStatus.Acknowledged ? AlarmStatus.Raised : current.Status,
            AcknowledgedAt = null,
            AcknowledgedBy = null,
            AudioPausedUntil = null,
            LastAnnouncedAt = decision.DetectedAt,
        };
        return new AlarmTransition(episode, [new AlarmPriorityIncreased(
            StableIds.EventId(episode.EpisodeId, $"priority|{decision.Priority}"), episode, decision.DetectedAt, current.Priority)]);
    }

    /// <summary>
    /// The rule's condition does not hold in data as of <paramref name="at"/>. Data older than the condition start
    /// (a redelivered or late reading) cannot resolve it: only newer evidence can.
    /// </summary>
    public static AlarmTransition OnConditionAbsent(AlarmEpisode? current, DateTimeOffset at)
    {
        if (current is null || !current.IsOpen || !current.ConditionActive || at < current.ConditionStartedAt)
        {
            return AlarmTransition.Unchanged(current);
        }

        var cleared = current with { ConditionActive = false };
        if (current.Latching && current.Status != AlarmStatus.Acknowledged)
        {
            return AlarmTransition.Unchanged(cleared); // latched: waits for an acknowledgement
        }

        return Resolve(cleared, at, current.Latching ? "condition cleared after acknowledgement" : "condition cleared");
    }

    /// <summary>Time passes: escalation of unacknowledged High/Medium alarms and expiry of an audio pause.</summary>
    public static AlarmTransition OnTick(AlarmEpisode? current, DateTimeOffset now, EscalationConfig escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        if (current is null || !current.IsOpen)
        {
            return AlarmTransition.Unchanged(current);
        }

        var episode = current.AudioPausedUntil <= now ? current with { AudioPausedUntil = null } : current;
        var events = new List<AlarmEvent>();
        while (episode.Status is AlarmStatus.Raised or AlarmStatus.Escalated
               && escalation.TimeoutFor(episode.Priority) is { } timeout
               && episode.EscalationLevel < escalation.MaxLevel
               && now >= episode.LastAnnouncedAt + timeout)
        {
            // The schedule is anchored on the previous announcement, not on the tick, so tick jitter cannot shift it.
            episode = Escalated(episode, episode.LastAnnouncedAt + timeout);
            events.Add(new AlarmEscalated(
                StableIds.EventId(episode.EpisodeId, $"escalated|{episode.EscalationLevel}"), episode, now,
                $"not acknowledged within {timeout.TotalSeconds:0} s"));
        }

        return new AlarmTransition(episode, events);
    }

    /// <summary>
    /// Applies a clinician or host command; invalid commands are rejected with a reason and emit nothing.
    /// Only the current episode of a rule takes commands; an annotation is also accepted once it resolved.
    /// </summary>
    public static AlarmTransition Handle(AlarmEpisode? current, AlarmCommand command, EscalationConfig escalation)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(escalation);
        if (current is null || current.EpisodeId != command.EpisodeId)
        {
            return AlarmTransition.Rejected(current, $"alarm episode {command.EpisodeId} is not the current episode");
        }

        if (command is AnnotateAlarm annotate)
        {
            return Annotate(current, annotate);
        }

        if (!current.IsOpen)
        {
            return AlarmTransition.Rejected(current, "the alarm is already resolved");
        }

        return command switch
        {
            AcknowledgeAlarm ack => Acknowledge(current, ack),
            PauseAudio pause => Pause(current, pause, escalation),
            EscalateAlarm escalate => Escalate(current, escalate, escalation),
            _ => AlarmTransition.Rejected(current, $"unknown command {command.GetType().Name}"),
        };
    }

    private static AlarmTransition Acknowledge(AlarmEpisode current, AcknowledgeAlarm ack)
    {
        if (current.Status == AlarmStatus.Acknowledged)
        {
            return AlarmTransition.Rejected(current, "the alarm is already acknowledged");
        }

        var acknowledged = current with
        {
            Status = AlarmStatus.Acknowledged, AcknowledgedAt = ack.At, AcknowledgedBy = ack.By, AudioPausedUntil = null,
        };
        AlarmEvent acknowledgedEvent = new AlarmAcknowledged(
            StableIds.EventId(current.EpisodeId, $"acknowledged|{ack.At.UtcTicks}"), acknowledged, ack.At, ack.By);
        if (acknowledged.ConditionActive)
        {
            return new AlarmTransition(acknowledged, [acknowledgedEvent]);
        }

        var resolved = Resolve(acknowledged, ack.At, "acknowledged after the condition cleared");
        return new AlarmTransition(resolved.Episode, [acknowledgedEvent, .. resolved.Events]);
    }

    private static AlarmTransition Pause(AlarmEpisode current, PauseAudio pause, EscalationConfig escalation)
    {
        if (current.Status == AlarmStatus.Acknowledged)
        {
            return AlarmTransition.Rejected(current, "an acknowledged alarm has no audio to pause");
        }

        var duration = pause.Duration ?? TimeSpan.FromSeconds(escalation.AudioPauseSeconds);
        if (duration <= TimeSpan.Zero || duration > MaxAudioPause)
        {
            return AlarmTransition.Rejected(current, $"the audio pause must be longer than zero and at most {MaxAudioPause.TotalMinutes:0} minutes");
        }

        if (current.AudioPausedUntil == pause.At + duration)
        {
            return AlarmTransition.Unchanged(current); // the same pause command delivered again
        }

        var paused = current with { AudioPausedUntil = pause.At + duration };
        return new AlarmTransition(paused, [new AlarmAudioPaused(
            StableIds.EventId(current.EpisodeId, $"paused|{pause.At.UtcTicks}"), paused, pause.At, pause.By)]);
    }

    private static AlarmTransition Annotate(AlarmEpisode current, AnnotateAlarm annotate)
    {
        if (!Enum.IsDefined(annotate.Assessment))
        {
            return AlarmTransition.Rejected(current, $"unknown assessment {annotate.Assessment}");
        }

        if (annotate.Note is { Length: > MaxNoteLength })
        {
            return AlarmTransition.Rejected(current, $"the note must be at most {MaxNoteLength} characters");
        }

        var note = string.IsNullOrWhiteSpace(annotate.Note) ? null : annotate.Note;
        return new AlarmTransition(current, [new AlarmAnnotated(
            StableIds.EventId(current.EpisodeId, $"annotated|{annotate.At.UtcTicks}"), current, annotate.At, annotate.By,
            annotate.Assessment, note)]);
    }

    private static AlarmTransition Escalate(AlarmEpisode current, EscalateAlarm command, EscalationConfig escalation)
    {
        if (current.Status == AlarmStatus.Acknowledged)
        {
            return AlarmTransition.Rejected(current, "an acknowledged alarm is not escalated");
        }

        if (current.EscalationLevel >= escalation.MaxLevel)
        {
            return AlarmTransition.Rejected(current, "the alarm is already at the highest escalation tier");
        }

        var escalated = Escalated(current, command.At);
        return new AlarmTransition(escalated, [new AlarmEscalated(
            StableIds.EventId(escalated.EpisodeId, $"escalated|{escalated.EscalationLevel}"), escalated, command.At,
            command.Reason)]);
    }

    private static AlarmEpisode Escalated(AlarmEpisode episode, DateTimeOffset at) => episode with
    {
        Status = AlarmStatus.Escalated, EscalationLevel = episode.EscalationLevel + 1, LastAnnouncedAt = at,
    };

    private static AlarmTransition Resolve(AlarmEpisode episode, DateTimeOffset at, string reason)
    {
        var resolved = episode with { Status = AlarmStatus.Resolved, ResolvedAt = at, AudioPausedUntil = null };
        return new AlarmTransition(resolved, [new AlarmResolved(
            StableIds.EventId(episode.EpisodeId, "resolved"), resolved, at, reason)]);
    }
}

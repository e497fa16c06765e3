using CareStream.Domain.Alerts;
using CareStream.Rules.Lifecycle;
using CareStream.Rules.Tracking;

namespace CareStream.Alerting.Commands;

/// <summary>Turns one decoded command into a step of the patient's tracker (pure: no I/O, time from the command or <c>now</c>).</summary>
public static class PatientCommandApplier
{
    /// <summary>Applies <paramref name="command"/>; returns the alarm events and, when rejected, the reason (no events).</summary>
    public static (IReadOnlyList<AlarmEvent> Events, string? Rejection) Apply(
        PatientAlarmTracker tracker, PatientCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Type == PatientCommandTypes.Charting)
        {
            return command.Charting is { IsEmpty: false } update
                ? (tracker.OnCharting(update.ApplyTo(tracker.Charting), now), null)
                : ([], "the charting command charts nothing");
        }

        AlarmCommand alarmCommand = command.Type switch
        {
            PatientCommandTypes.Acknowledge => new AcknowledgeAlarm(command.EpisodeId!, command.By, command.IssuedAt),
            PatientCommandTypes.AudioPause => new PauseAudio(command.EpisodeId!, command.By, command.IssuedAt, command.AudioPause),
            PatientCommandTypes.Annotate => new AnnotateAlarm(command.EpisodeId!, command.By, command.IssuedAt, command.Assessment!.Value, command.Note),
            _ => throw new ArgumentException($"Unknown command type '{command.Type}'.", nameof(command)),
        };
        var transition = tracker.Handle(alarmCommand);
        return (transition.Events, transition.RejectionReason);
    }
}

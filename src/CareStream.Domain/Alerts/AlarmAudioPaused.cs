namespace CareStream.Domain.Alerts;

/// <summary>A dashboard paused the alarm audio until <see cref="AlarmEpisode.AudioPausedUntil"/> (IEC AUDIO PAUSED); the alarm stays active.</summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="PausedBy">Pseudonymous id of the clinician.</param>
public sealed record AlarmAudioPaused(string EventId, AlarmEpisode Episode, DateTimeOffset OccurredAt, string PausedBy)
    : AlarmEvent(EventId, Episode, OccurredAt);

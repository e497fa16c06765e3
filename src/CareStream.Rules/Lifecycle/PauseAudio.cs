namespace CareStream.Rules.Lifecycle;

/// <summary>
/// Pause the alarm's audio on dashboards (IEC 60601-1-8 AUDIO PAUSED, time-limited). The alarm stays active and
/// keeps its escalation timer. Null <paramref name="Duration"/> = the rule set's audio-pause length.
/// </summary>
public sealed record PauseAudio(string EpisodeId, string By, DateTimeOffset At, TimeSpan? Duration = null)
    : AlarmCommand(EpisodeId, At);

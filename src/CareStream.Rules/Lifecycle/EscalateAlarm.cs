namespace CareStream.Rules.Lifecycle;

/// <summary>Escalate an unacknowledged alarm to the next tier by hand.</summary>
public sealed record EscalateAlarm(string EpisodeId, string Reason, DateTimeOffset At) : AlarmCommand(EpisodeId, At);

namespace CareStream.Rules.Lifecycle;

/// <summary>Acknowledge (IEC 60601-1-8 ALARM RESET) an alarm. <paramref name="By"/> is a pseudonymous staff id.</summary>
public sealed record AcknowledgeAlarm(string EpisodeId, string By, DateTimeOffset At) : AlarmCommand(EpisodeId, At);

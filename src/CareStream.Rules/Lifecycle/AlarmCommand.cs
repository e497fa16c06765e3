namespace CareStream.Rules.Lifecycle;

/// <summary>An imperative request against one alarm episode, issued by a clinician or the host at <paramref name="At"/>.</summary>
public abstract record AlarmCommand(string EpisodeId, DateTimeOffset At);

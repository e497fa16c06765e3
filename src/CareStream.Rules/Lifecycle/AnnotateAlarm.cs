using CareStream.Domain.Alerts;

namespace CareStream.Rules.Lifecycle;

/// <summary>
/// Record a clinician's assessment of an alarm (true positive, false positive, non-actionable) with an optional
/// note of at most <see cref="AlarmLifecycle.MaxNoteLength"/> characters. <paramref name="By"/> is a pseudonymous staff id.
/// </summary>
public sealed record AnnotateAlarm(string EpisodeId, string By, DateTimeOffset At, AlarmAssessment Assessment, string? Note = null)
    : AlarmCommand(EpisodeId, At);

namespace CareStream.Domain.Alerts;

/// <summary>
/// A clinician annotated the alarm with an assessment (an audited clinical action; it does not change the episode's
/// state, so it is also accepted for the latest resolved episode of a rule).
/// </summary>
/// <param name="EventId">Deterministic event id.</param>
/// <param name="Episode">The episode (unchanged by the annotation).</param>
/// <param name="OccurredAt">When the clinician annotated it.</param>
/// <param name="AnnotatedBy">Pseudonymous id of the clinician.</param>
/// <param name="Assessment">True positive, false positive or non-actionable.</param>
/// <param name="Note">Optional free text, at most 500 characters; may hold clinical content, so never logged.</param>
public sealed record AlarmAnnotated(
    string EventId,
    AlarmEpisode Episode,
    DateTimeOffset OccurredAt,
    string AnnotatedBy,
    AlarmAssessment Assessment,
    string? Note)
    : AlarmEvent(EventId, Episode, OccurredAt);

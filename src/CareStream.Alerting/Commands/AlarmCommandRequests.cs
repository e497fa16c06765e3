namespace CareStream.Alerting.Commands;

// The JSON bodies of the alarm-command API. `By` names the acting clinician until authentication exists (the
// authenticated user's name wins when there is one). They share one file because each is a few lines.

/// <summary><c>POST /api/patients/{patientId}/alarms/{episodeId}/acknowledge</c> (body optional).</summary>
public sealed record AcknowledgeRequest(string? By = null);

/// <summary><c>POST …/audio-pause</c>: minutes 1–10, default the rule set's audio-pause length.</summary>
public sealed record AudioPauseRequest(int? Minutes = null, string? By = null);

/// <summary><c>POST …/annotation</c>: assessment <c>true-positive</c> | <c>false-positive</c> | <c>non-actionable</c>.</summary>
public sealed record AnnotationRequest(string? Assessment, string? Note = null, string? By = null);

/// <summary><c>PUT /api/patients/{patientId}/charting</c>: absent fields keep their charted value.</summary>
public sealed record ChartingRequest(bool? OnOxygen = null, string? Consciousness = null, int? Spo2Scale = null, string? By = null);

/// <summary>The 202 answer: the command's deterministic id.</summary>
public sealed record CommandAccepted(string CommandId);

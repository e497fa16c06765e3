namespace CareStream.Messaging.Scores;

/// <summary>The JSON shape of a patient-score record (schema version 1); see <see cref="PatientScoreCodec"/>.</summary>
internal sealed record PatientScoreMessage(
    int SchemaVersion,
    string? Patient,
    string? Ward,
    string? Bed,
    int? Score,
    string? ResponseLevel,
    int Scale,
    IReadOnlyList<string>? Missing,
    DateTimeOffset? ComputedAt,
    DateTimeOffset? ValidUntil);

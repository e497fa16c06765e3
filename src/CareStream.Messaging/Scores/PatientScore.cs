namespace CareStream.Messaging.Scores;

/// <summary>
/// One patient's current NEWS2 outcome as carried on <c>carestream.patient-scores.v1</c> (key = patient id).
/// An incomplete score has no number: <see cref="Score"/> and <see cref="ResponseLevel"/> are null and
/// <see cref="Missing"/> names the parameters without a value (never zero-filled).
/// </summary>
/// <param name="Patient">Pseudonymous patient id.</param>
/// <param name="Ward">The patient's ward when the score was computed, if known.</param>
/// <param name="Bed">The patient's bed when the score was computed, if known.</param>
/// <param name="Score">Aggregate 0–20; null when incomplete.</param>
/// <param name="ResponseLevel"><c>low</c> | <c>low-medium</c> | <c>medium</c> | <c>high</c> (RCP Chart 3); null when incomplete.</param>
/// <param name="Scale">SpO₂ scale used: 1 or 2.</param>
/// <param name="Missing">camelCase NEWS2 parameters without a value, e.g. <c>consciousness</c>; empty when complete.</param>
/// <param name="ComputedAt">When the rules role computed it.</param>
/// <param name="ValidUntil">
/// After this the record is stale (shown as "no data"): the rules role republishes an unchanged score well before.
/// </param>
public sealed record PatientScore(
    string Patient,
    string? Ward,
    string? Bed,
    int? Score,
    string? ResponseLevel,
    int Scale,
    IReadOnlyList<string> Missing,
    DateTimeOffset ComputedAt,
    DateTimeOffset ValidUntil)
{
    /// <summary>True when every parameter had a value (then <see cref="Score"/> is set).</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>
    /// True when this and <paramref name="other"/> say the same thing clinically (score, level, scale, missing
    /// parameters, location): an unchanged outcome is not republished except to refresh it.
    /// </summary>
    public bool SameOutcomeAs(PatientScore? other) =>
        other is not null
        && other.Patient == Patient
        && other.Ward == Ward
        && other.Bed == Bed
        && other.Score == Score
        && other.ResponseLevel == ResponseLevel
        && other.Scale == Scale
        && other.Missing.SequenceEqual(Missing, StringComparer.Ordinal);
}

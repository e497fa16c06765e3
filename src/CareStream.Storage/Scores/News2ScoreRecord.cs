namespace CareStream.Storage.Scores;

/// <summary>One stored NEWS2 outcome (see <see cref="News2ScoreEntity"/> for the columns).</summary>
/// <param name="Patient">Pseudonymous patient id.</param>
/// <param name="ComputedAt">When the rules role computed it; with the patient, the row's key.</param>
/// <param name="Score">Aggregate 0–20; null when incomplete.</param>
/// <param name="ResponseLevel"><c>low</c> | <c>low-medium</c> | <c>medium</c> | <c>high</c>; null when incomplete.</param>
/// <param name="Scale">SpO₂ scale used: 1 or 2.</param>
/// <param name="Missing">The parameters without a value; empty when complete.</param>
/// <param name="Ward">The patient's ward at the time, if known.</param>
/// <param name="Bed">The patient's bed at the time, if known.</param>
public sealed record News2ScoreRecord(
    string Patient,
    DateTimeOffset ComputedAt,
    int? Score,
    string? ResponseLevel,
    int Scale,
    IReadOnlyList<string> Missing,
    string? Ward,
    string? Bed)
{
    /// <summary>True when every parameter had a value.</summary>
    public bool IsComplete => Missing.Count == 0;
}

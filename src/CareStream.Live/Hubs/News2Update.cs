namespace CareStream.Live.Hubs;

/// <summary>
/// A bed's current NEWS2 as the tile shows it: "NEWS2 7" in its response level's colour, or "NEWS2 incomplete"
/// when <see cref="Missing"/> is not empty (then <see cref="Score"/> and <see cref="ResponseLevel"/> are null, never
/// a zero-filled number); "no data" once <see cref="ValidUntil"/> has passed.
/// </summary>
/// <param name="Bed">Bed id (the tile).</param>
/// <param name="Patient">The patient it was computed for; the tile shows it only while that patient is in the bed.</param>
/// <param name="Score">Aggregate 0–20, or null when incomplete.</param>
/// <param name="ResponseLevel"><c>low</c> | <c>low-medium</c> | <c>medium</c> | <c>high</c>, or null when incomplete.</param>
/// <param name="Scale">SpO₂ scale 1 or 2.</param>
/// <param name="Missing">camelCase parameters without a value.</param>
/// <param name="ComputedAt">When the rules role computed it.</param>
/// <param name="ValidUntil">After this the score is stale.</param>
public sealed record News2Update(
    string Bed,
    string Patient,
    int? Score,
    string? ResponseLevel,
    int Scale,
    IReadOnlyList<string> Missing,
    DateTimeOffset ComputedAt,
    DateTimeOffset ValidUntil);

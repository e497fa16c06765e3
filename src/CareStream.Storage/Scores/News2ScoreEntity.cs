namespace CareStream.Storage.Scores;

/// <summary>
/// One row of the append-only <c>news2_score</c> table: a NEWS2 outcome as the rules role published it on
/// <c>carestream.patient-scores.v1</c>. Written and read through Npgsql (<see cref="News2ScoreStore"/>); EF Core owns
/// only the schema.
/// </summary>
public sealed class News2ScoreEntity
{
    public required string Patient { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>Aggregate 0–20; null when incomplete (never zero-filled).</summary>
    public short? Score { get; set; }

    /// <summary><c>low</c> | <c>low-medium</c> | <c>medium</c> | <c>high</c>; null when incomplete.</summary>
    public string? ResponseLevel { get; set; }

    /// <summary>SpO₂ scale used: 1 or 2.</summary>
    public short Scale { get; set; }

    /// <summary>The parameters without a value; empty when complete.</summary>
    public required string[] Missing { get; set; }

    public string? Ward { get; set; }

    public string? Bed { get; set; }

    /// <summary>When the store wrote the row.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

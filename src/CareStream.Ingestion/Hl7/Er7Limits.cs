namespace CareStream.Ingestion.Hl7;

/// <summary>Bounds the parser enforces so a hostile message costs bounded memory and time.</summary>
/// <param name="MaxMessageBytes">Largest message accepted (default 1 MiB).</param>
/// <param name="MaxSegments">Most segments in one message.</param>
/// <param name="MaxFieldsPerSegment">Most fields in one segment (MSH has 21 in v2.6; OBX 25).</param>
/// <param name="MaxRepetitionsPerField">Most repetitions of one field.</param>
public sealed record Er7Limits(
    int MaxMessageBytes = 1024 * 1024,
    int MaxSegments = 5000,
    int MaxFieldsPerSegment = 256,
    int MaxRepetitionsPerField = 256)
{
    /// <summary>The defaults.</summary>
    public static Er7Limits Default { get; } = new();
}

namespace CareStream.Ingestion.Hl7;

/// <summary>Why an ER7 message could not be parsed.</summary>
public enum Er7ErrorCode
{
    /// <summary>No bytes, or only segment separators.</summary>
    Empty = 1,

    /// <summary>Larger than <see cref="Er7Limits.MaxMessageBytes"/>.</summary>
    TooLarge,

    /// <summary>The first segment is not MSH.</summary>
    MissingMsh,

    /// <summary>MSH-1/MSH-2 do not declare five distinct, non-alphanumeric delimiters.</summary>
    BadDelimiters,

    /// <summary>More segments than <see cref="Er7Limits.MaxSegments"/>.</summary>
    TooManySegments,

    /// <summary>A segment with more fields than <see cref="Er7Limits.MaxFieldsPerSegment"/>.</summary>
    TooManyFields,

    /// <summary>A field with more repetitions than <see cref="Er7Limits.MaxRepetitionsPerField"/>.</summary>
    TooManyRepetitions,

    /// <summary>A segment whose id is not three upper-case letters or digits.</summary>
    BadSegmentId,
}

namespace CareStream.Ingestion.Hl7;

/// <summary>The outcome of <see cref="Er7Parser.Parse(ReadOnlySpan{byte}, Er7Limits?)"/>: a message or an error, never both.</summary>
public sealed record Er7ParseResult(Hl7Message? Message, Er7Error? Error)
{
    /// <summary>True when <see cref="Message"/> is set.</summary>
    public bool Succeeded => Message is not null;

    internal static Er7ParseResult Fail(Er7ErrorCode code, int segment, string reason) => new(null, new Er7Error(code, segment, reason));
}

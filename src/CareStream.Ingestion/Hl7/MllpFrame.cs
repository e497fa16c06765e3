namespace CareStream.Ingestion.Hl7;

/// <summary>One result of the framer: a message payload (without the MLLP envelope), an oversize frame, or the end.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="Payload">The HL7 bytes of a <see cref="MllpFrameKind.Message"/>; empty otherwise.</param>
/// <param name="DiscardedBytes">Bytes skipped since the previous result: garbage outside frames, abandoned partial frames, oversize content.</param>
public readonly record struct MllpFrame(MllpFrameKind Kind, ReadOnlyMemory<byte> Payload, long DiscardedBytes);

namespace CareStream.Ingestion.Hl7;

/// <summary>What <see cref="MllpFramer.ReadFrameAsync"/> found.</summary>
public enum MllpFrameKind
{
    /// <summary>A complete frame; its payload is in <see cref="MllpFrame.Payload"/>.</summary>
    Message = 1,

    /// <summary>A frame longer than the limit; its bytes were discarded without being buffered.</summary>
    Oversize,

    /// <summary>The peer closed the stream; an incomplete trailing frame was discarded.</summary>
    EndOfStream,
}

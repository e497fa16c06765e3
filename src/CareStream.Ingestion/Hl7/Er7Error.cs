namespace CareStream.Ingestion.Hl7;

/// <summary>A parse failure: its code, the 1-based segment it was found in (0 when not segment-specific) and a reason.</summary>
public sealed record Er7Error(Er7ErrorCode Code, int Segment, string Reason);

namespace CareStream.Ingestion.Hl7;

/// <summary>How one PCD-01 message was answered: the ACK code, the ACK bytes (unframed) and how many Observations were published.</summary>
public sealed record Pcd01Outcome(Hl7AckCode Code, byte[] Ack, int Published);

namespace CareStream.Ingestion.Hl7;

/// <summary>MSA-1 acknowledgment codes of the HL7 original acknowledgment mode (table 0008).</summary>
public enum Hl7AckCode
{
    /// <summary>Application Accept: every reading is durable in Kafka.</summary>
    AA = 1,

    /// <summary>Application Error: part of the message was rejected (ERR segments say which), the rest is durable.</summary>
    AE,

    /// <summary>Application Reject: nothing was accepted (unparseable, wrong type/version, nothing usable, or Kafka not reachable).</summary>
    AR,
}

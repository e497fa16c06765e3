namespace CareStream.Ingestion.Hl7;

/// <summary>
/// One problem reported in an ACK's ERR segment. Texts never echo observation values or patient identifiers.
/// </summary>
/// <param name="SegmentId">ERR-2.1, e.g. <c>OBX</c>; empty when the problem is not located in a segment.</param>
/// <param name="Sequence">ERR-2.2: which occurrence of the segment (1-based; OBX follows OBX-1 order).</param>
/// <param name="Field">ERR-2.3, the field number; 0 when not field-specific.</param>
/// <param name="Hl7Code">ERR-3, an HL7 table 0357 code (<see cref="Hl7ErrorCodes"/>).</param>
/// <param name="ApplicationCode">ERR-5, CareStream's code, e.g. <c>UnknownMdcCode</c>.</param>
/// <param name="Diagnostic">ERR-7, a reason a person can read.</param>
public sealed record Hl7Error(string SegmentId, int Sequence, int Field, int Hl7Code, string ApplicationCode, string Diagnostic);

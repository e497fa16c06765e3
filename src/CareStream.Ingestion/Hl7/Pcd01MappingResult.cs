namespace CareStream.Ingestion.Hl7;

/// <summary>What <see cref="Pcd01Mapper.Map"/> made of one message.</summary>
/// <param name="Rejected">True when the message as a whole is unusable (wrong type or version, no control id): answer AR.</param>
/// <param name="PatientIds">PID-3 identifiers (CX.1), for cross-checking against the registry; never logged.</param>
/// <param name="Observations">Readings to publish, in message order.</param>
/// <param name="Errors">Problems found; each rejected OBX has one.</param>
public sealed record Pcd01MappingResult(
    bool Rejected,
    IReadOnlyList<string> PatientIds,
    IReadOnlyList<Pcd01Observation> Observations,
    IReadOnlyList<Hl7Error> Errors);

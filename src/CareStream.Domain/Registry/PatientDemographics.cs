namespace CareStream.Domain.Registry;

/// <summary>
/// What the registry knows about a patient, as an ADT feed (or the simulator) reports it.
/// Identifiable data: render it in FHIR responses, never in logs.
/// </summary>
public sealed record PatientDemographics(
    PatientId Patient,
    string MedicalRecordNumber,
    string FamilyName,
    string GivenName,
    DateOnly BirthDate,
    string Gender);

namespace CareStream.Storage.Entities;

/// <summary>Demographics from the ADT feed. Identifiable: never log these values.</summary>
public sealed class Patient
{
    public required string PatientId { get; set; }

    public required string MedicalRecordNumber { get; set; }

    public required string FamilyName { get; set; }

    public required string GivenName { get; set; }

    public DateOnly BirthDate { get; set; }

    public required string Gender { get; set; }

    /// <summary>When the row's content last changed (set by RegistryWriter only on a real change; FHIR Last-Modified).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

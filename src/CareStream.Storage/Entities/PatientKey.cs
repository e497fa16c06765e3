namespace CareStream.Storage.Entities;

/// <summary>Compact surrogate of a patient id, so each observation row carries 4 bytes instead of the text id.</summary>
public sealed class PatientKey
{
    public int Key { get; set; }

    public required string PatientId { get; set; }
}

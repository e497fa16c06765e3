namespace CareStream.Storage.Entities;

public sealed class Bed
{
    public required string BedId { get; set; }

    public required string WardId { get; set; }

    public required string Label { get; set; }

    /// <summary>When the row's content last changed (set by RegistryWriter only on a real change; FHIR Last-Modified).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

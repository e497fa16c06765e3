namespace CareStream.Storage.Entities;

public sealed class Ward
{
    public required string WardId { get; set; }

    public required string Name { get; set; }

    /// <summary>When the row's content last changed (set by RegistryWriter only on a real change; FHIR Last-Modified).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}

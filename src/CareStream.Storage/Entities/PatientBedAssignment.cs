namespace CareStream.Storage.Entities;

/// <summary>Patient occupying a bed over [ValidFrom, ValidTo); ValidTo null = current.</summary>
public sealed class PatientBedAssignment
{
    public long Id { get; set; }

    public required string PatientId { get; set; }

    public required string BedId { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset? ValidTo { get; set; }
}

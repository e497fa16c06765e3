namespace CareStream.Storage.Entities;

/// <summary>Device connected to a bed (and the patient in it) over [ValidFrom, ValidTo); ValidTo null = current.</summary>
public sealed class DeviceBedAssignment
{
    public long Id { get; set; }

    public required string DeviceId { get; set; }

    public required string WardId { get; set; }

    public required string BedId { get; set; }

    public string? PatientId { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset? ValidTo { get; set; }
}

namespace CareStream.Storage.Entities;

/// <summary>Compact surrogate of (device, MDC code): one 4-byte key per observation row instead of both.</summary>
public sealed class ObservationSource
{
    public int Key { get; set; }

    public required string DeviceId { get; set; }

    public int MdcCode { get; set; }
}

namespace CareStream.Storage.Entities;

public sealed class Device
{
    public required string DeviceId { get; set; }
}

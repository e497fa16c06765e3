using CareStream.Domain;
using CareStream.Domain.Registry;

namespace CareStream.Storage.Registry;

/// <summary>A known device and its open bed assignment (null when it is at no bed).</summary>
public sealed record RegistryDevice(DeviceId Device, DeviceAssignment? Current);

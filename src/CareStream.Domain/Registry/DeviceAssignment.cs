namespace CareStream.Domain.Registry;

/// <summary>
/// The current association of a device: which bed it is connected to and which patient occupies that bed,
/// valid from <see cref="ValidFrom"/>. Published compacted on the assignments topic, keyed by device id.
/// A null <see cref="Patient"/> means the device is not associated (its readings cannot be attributed).
/// </summary>
public sealed record DeviceAssignment(
    DeviceId Device,
    WardId Ward,
    BedId Bed,
    PatientId? Patient,
    DateTimeOffset ValidFrom);

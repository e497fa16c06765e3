namespace CareStream.Ingestion.Registry;

/// <summary>The 202 body of every ADT command: what was published to the assignments topic, in order.</summary>
public sealed record AdtResponse(string Operation, IReadOnlyList<PublishedRegistryRecord> Published);

/// <summary>
/// One record on the compacted assignments topic, flattened for clients: <see cref="Type"/> is <c>bed</c>,
/// <c>patient</c> or <c>device-assignment</c>; <see cref="Patient"/> is null for a device that now attributes to nobody.
/// </summary>
public sealed record PublishedRegistryRecord(
    string Key, string Type, int Partition, long Offset, string? Ward, string? Bed, string? Device, string? Patient, DateTimeOffset? ValidFrom);

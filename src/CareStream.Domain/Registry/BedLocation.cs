namespace CareStream.Domain.Registry;

/// <summary>A bed and the ward it belongs to, with the labels nurses use.</summary>
public sealed record BedLocation(WardId Ward, string WardName, BedId Bed, string BedLabel);

namespace CareStream.Storage.Entities;

public sealed class Bed
{
    public required string BedId { get; set; }

    public required string WardId { get; set; }

    public required string Label { get; set; }
}

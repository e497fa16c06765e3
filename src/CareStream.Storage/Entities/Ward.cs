namespace CareStream.Storage.Entities;

public sealed class Ward
{
    public required string WardId { get; set; }

    public required string Name { get; set; }
}

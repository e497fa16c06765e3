namespace CareStream.Messaging;

/// <summary>A topic to provision.</summary>
/// <param name="Name">Topic name.</param>
/// <param name="Partitions">Partition count.</param>
/// <param name="Compacted"><c>cleanup.policy=compact</c> (latest value per key) instead of delete.</param>
public sealed record TopicSpec(string Name, int Partitions, bool Compacted);

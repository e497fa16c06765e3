namespace CareStream.Messaging.Consuming;

/// <summary>Live status of one consumer loop (thread-safe reads).</summary>
public sealed class KafkaConsumerStatus(string name)
{
    private int _state;
    private int _assignedPartitions;

    /// <summary>The consumer's name (its options name).</summary>
    public string Name { get; } = name;

    /// <summary>Current state.</summary>
    public KafkaConsumerState State
    {
        get => (KafkaConsumerState)Volatile.Read(ref _state);
        internal set => Volatile.Write(ref _state, (int)value);
    }

    /// <summary>Partitions currently assigned to this member.</summary>
    public int AssignedPartitions
    {
        get => Volatile.Read(ref _assignedPartitions);
        internal set => Volatile.Write(ref _assignedPartitions, value);
    }
}

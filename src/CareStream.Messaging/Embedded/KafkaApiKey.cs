namespace CareStream.Messaging.Embedded;

/// <summary>Kafka protocol API keys used with <see cref="EmbeddedKafkaCluster.PushRequestErrors"/>.</summary>
public static class KafkaApiKey
{
    /// <summary>Produce.</summary>
    public const short Produce = 0;

    /// <summary>Fetch.</summary>
    public const short Fetch = 1;

    /// <summary>Metadata.</summary>
    public const short Metadata = 3;

    /// <summary>OffsetCommit.</summary>
    public const short OffsetCommit = 8;

    /// <summary>OffsetFetch.</summary>
    public const short OffsetFetch = 9;

    /// <summary>FindCoordinator.</summary>
    public const short FindCoordinator = 10;

    /// <summary>JoinGroup.</summary>
    public const short JoinGroup = 11;

    /// <summary>Heartbeat.</summary>
    public const short Heartbeat = 12;

    /// <summary>InitProducerId.</summary>
    public const short InitProducerId = 22;
}

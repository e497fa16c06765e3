namespace CareStream.Messaging.Consuming;

/// <summary>Life-cycle state of one consumer loop, reported by the <c>kafka-consumers</c> health check.</summary>
public enum KafkaConsumerState
{
    /// <summary>Registered, not yet subscribed.</summary>
    Starting = 0,

    /// <summary>Subscribed and polling, currently without partitions (e.g. more members than partitions).</summary>
    Running = 1,

    /// <summary>Polling with at least one partition assigned.</summary>
    Assigned = 2,

    /// <summary>Left the loop on shutdown.</summary>
    Stopped = 3,

    /// <summary>Left the loop on an unrecoverable error; the host is being stopped.</summary>
    Faulted = 4,
}

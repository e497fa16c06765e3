namespace CareStream.Storage.Alerts;

/// <summary>
/// One row of the append-only <c>alarm_event</c> table: an alarm state change as published on <c>carestream.alerts.v1</c>,
/// with the episode snapshot after it and the original record (<see cref="Payload"/>), so a new event kind is stored
/// whole without a schema change.
/// </summary>
public sealed class AlarmEventEntity : AlarmEpisodeRow
{
    /// <summary>Deterministic event id; a redelivered event inserts nothing.</summary>
    public required string EventId { get; set; }

    /// <summary>The wire <c>type</c> (raised, escalated, acknowledged, resolved, audioPaused, priorityIncreased, …).</summary>
    public required string Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Kafka partition of the record (-1 when not read from Kafka).</summary>
    public int KafkaPartition { get; set; }

    /// <summary>Kafka offset of the record: the publication order within the partition (all events of a patient share one).</summary>
    public long KafkaOffset { get; set; }

    /// <summary>The record as published (JSON, schema of <c>AlarmEventCodec</c>).</summary>
    public required string Payload { get; set; }

    /// <summary>When the store wrote the row.</summary>
    public DateTimeOffset RecordedAt { get; set; }
}

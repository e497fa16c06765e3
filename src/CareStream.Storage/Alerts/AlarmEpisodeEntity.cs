namespace CareStream.Storage.Alerts;

/// <summary>
/// One row of <c>alarm_episode</c>: the current state of an episode, upserted from its events (see
/// <see cref="AlarmEventWriter"/> for which event wins).
/// </summary>
public sealed class AlarmEpisodeEntity : AlarmEpisodeRow
{
    public required string LastEventId { get; set; }

    public required string LastEventKind { get; set; }

    public DateTimeOffset LastEventAt { get; set; }

    public int KafkaPartition { get; set; }

    public long KafkaOffset { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

using CareStream.Domain.Alerts;
using CareStream.Messaging.Alerts;

namespace CareStream.Live.Hubs;

/// <summary>
/// A ward-independent technical alarm (such as <c>KafkaUnreachable</c>, "data pipeline unreachable") as every
/// dashboard shows it: a banner while <see cref="Open"/>, cleared by the resolution of the same <see cref="EpisodeId"/>.
/// Sent to all connections (not a ward group) and carried in every join snapshot while open.
/// </summary>
public sealed record SystemAlarmNotification(
    string EventId,
    string Type,
    string EpisodeId,
    string RuleId,
    string Category,
    string Priority,
    string PriorityCode,
    string Condition,
    bool Open,
    DateTimeOffset ConditionStartedAt,
    DateTimeOffset OccurredAt)
{
    public static SystemAlarmNotification From(AlarmEvent alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var episode = alarm.Episode;
        return new SystemAlarmNotification(
            alarm.EventId,
            AlarmEventCodec.TypeOf(alarm),
            episode.EpisodeId,
            episode.RuleId,
            WireNames.Of(episode.Category),
            WireNames.Of(episode.Priority),
            FlagPriority.CodeOf(episode.Priority),
            episode.Condition,
            alarm is not AlarmResolved,
            episode.ConditionStartedAt,
            alarm.OccurredAt);
    }
}

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Alerting;

/// <summary>Alerting log events (EventIds 5000-5999). Rule, episode and patient ids and Kafka coordinates only.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Loaded rule set {RuleSetId} v{Version} for ward {Ward} from {File}")]
    public static partial void RuleSetLoaded(ILogger logger, string ruleSetId, int version, string ward, string file);

    [LoggerMessage(5001, LogLevel.Error, "Rule set file {File} is invalid and was not applied (the previous set stays in force): {Errors}")]
    public static partial void RuleSetInvalid(ILogger logger, string file, string errors);

    [LoggerMessage(5002, LogLevel.Warning, "Rule set file {File} was removed; ward {Ward} falls back to the default rule set")]
    public static partial void RuleSetRemoved(ILogger logger, string file, string ward);

    [LoggerMessage(5003, LogLevel.Error, "Rule set file {File} names ward {DeclaredWard}, but its file name says {Ward}; not applied")]
    public static partial void RuleSetWardMismatch(ILogger logger, string file, string declaredWard, string ward);

    [LoggerMessage(5010, LogLevel.Information, "Alarm {EventType} {EventId}: episode {EpisodeId}, rule {RuleId}, patient {Patient}, priority {Priority}")]
    public static partial void AlarmPublished(ILogger logger, string eventType, string eventId, string episodeId, string ruleId, string patient, string priority);

    [LoggerMessage(5020, LogLevel.Information, "Restored {Episodes} alarm episode(s) of {Patients} patient(s) from {Partitions} alert partition(s)")]
    public static partial void EpisodesRestored(ILogger logger, int episodes, int patients, int partitions);

    [LoggerMessage(5021, LogLevel.Error, "Restoring alarm episodes from {Topic} failed; trackers start empty (active alarms may be raised again under new episode ids)")]
    public static partial void RestoreFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(5022, LogLevel.Warning, "Alert record {TopicPartitionOffset} could not be decoded and is ignored for the restore")]
    public static partial void RestoreRecordSkipped(ILogger logger, Exception exception, TopicPartitionOffset topicPartitionOffset);

    [LoggerMessage(5030, LogLevel.Critical, "Publishing tick alarm events failed; stopping the host so a restart rebuilds the alarm state")]
    public static partial void TickPublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(5031, LogLevel.Warning, "Registry not caught up within {Timeout}; evaluating with the wards known so far")]
    public static partial void RegistryNotCaughtUp(ILogger logger, TimeSpan timeout);

    [LoggerMessage(5040, LogLevel.Information, "Command {CommandType} {CommandId} for episode {EpisodeId}, patient {Patient} published at {TopicPartitionOffset}")]
    public static partial void CommandPublished(ILogger logger, string commandType, string commandId, string episodeId, string patient, TopicPartitionOffset topicPartitionOffset);

    [LoggerMessage(5041, LogLevel.Information, "Command {CommandType} {CommandId} for patient {Patient} applied: {Events} alarm event(s)")]
    public static partial void CommandApplied(ILogger logger, string commandType, string commandId, string patient, int events);

    [LoggerMessage(5042, LogLevel.Warning, "Command {CommandType} {CommandId} for episode {EpisodeId}, patient {Patient} rejected: {Reason}")]
    public static partial void CommandRejected(ILogger logger, string commandType, string commandId, string episodeId, string patient, string reason);

    [LoggerMessage(5043, LogLevel.Information, "Restored charting of {Patients} patient(s) from {Partitions} command partition(s)")]
    public static partial void ChartingRestored(ILogger logger, int patients, int partitions);

    [LoggerMessage(5044, LogLevel.Warning, "Limit overrides ({CommandId}) of patient {Patient} are inconsistent with the ward rule set and not in force (ward defaults apply): {Errors}")]
    public static partial void LimitsNotApplied(ILogger logger, string commandId, string patient, string errors);

    [LoggerMessage(5045, LogLevel.Information, "Restored limit overrides of {Patients} patient(s) on {Partitions} command partition(s)")]
    public static partial void LimitsRestored(ILogger logger, int patients, int partitions);

    [LoggerMessage(5046, LogLevel.Error, "Reading the limit-override audit (patient_limit_change) failed; only overrides within Alerting:ChartingLookback of the command topic are restored")]
    public static partial void LimitAuditFailed(ILogger logger, Exception exception);

    [LoggerMessage(5047, LogLevel.Warning, "Audited limit change {CommandId} of patient {Patient} could not be parsed and is not restored")]
    public static partial void LimitAuditRowSkipped(ILogger logger, Exception exception, string commandId, string patient);

    [LoggerMessage(5048, LogLevel.Warning, "No database is configured for the rules role: limit overrides older than Alerting:ChartingLookback are not restored on assignment")]
    public static partial void LimitAuditUnavailable(ILogger logger);

    [LoggerMessage(5060, LogLevel.Critical, "Technical alarm {EpisodeId} raised: pipeline: Kafka unreachable since {Since}")]
    public static partial void KafkaUnreachableRaised(ILogger logger, string episodeId, DateTimeOffset since);

    [LoggerMessage(5061, LogLevel.Warning, "Technical alarm {EpisodeId} resolved: Kafka reachable again (unreachable since {Since})")]
    public static partial void KafkaUnreachableResolved(ILogger logger, string episodeId, DateTimeOffset since);

    [LoggerMessage(5062, LogLevel.Error, "Pipeline alarm event {EventId} could not be written to the alarm store")]
    public static partial void PipelineAlarmNotStored(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(5063, LogLevel.Warning, "Pipeline alarm event {EventId} could not be published yet; retried on the next tick")]
    public static partial void PipelineAlarmNotPublished(ILogger logger, Exception exception, string eventId);

    [LoggerMessage(5050, LogLevel.Debug, "NEWS2 outcome of patient {Patient} published at {TopicPartitionOffset}")]
    public static partial void ScorePublished(ILogger logger, string patient, TopicPartitionOffset topicPartitionOffset);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging.Alerts;

namespace CareStream.Alerting.Pipeline;

/// <summary>
/// The "pipeline: Kafka unreachable" technical alarm (IEC 60601-1-8 technical alarm condition of the distributed alarm
/// system): ward-independent, recorded under the reserved patient id <see cref="SystemPatient"/>, high priority (no
/// alarm can reach a dashboard through Kafka while it lasts), non-latching. One episode per outage and process.
/// </summary>
public static class KafkaUnreachableAlarm
{
    /// <summary>Rule id of the alarm.</summary>
    public const string RuleId = "pipeline-kafka-unreachable";

    /// <summary>Alarm condition code.</summary>
    public const string Condition = "KafkaUnreachable";

    /// <summary>Reserved pseudo-patient of ward-independent system alarms.</summary>
    public static readonly PatientId SystemPatient = SystemAlarmBoard.SystemPatient;

    /// <summary>The raise, for the outage that started at <paramref name="outageStart"/> as seen by <paramref name="source"/> (host name).</summary>
    public static AlarmRaised Raised(string source, DateTimeOffset outageStart, DateTimeOffset now)
    {
        var episode = Episode(source, outageStart, AlarmStatus.Raised, now, null);
        return new AlarmRaised(
            Hash($"{episode.EpisodeId}|raised"), episode, now,
            $"pipeline: Kafka unreachable from {source} since {outageStart.ToString("O", CultureInfo.InvariantCulture)}; alarms cannot be distributed.", []);
    }

    /// <summary>The resolution of the same episode once Kafka answers again.</summary>
    public static AlarmResolved Resolved(string source, DateTimeOffset outageStart, DateTimeOffset raisedAt, DateTimeOffset now)
    {
        var episode = Episode(source, outageStart, AlarmStatus.Resolved, raisedAt, now);
        return new AlarmResolved(Hash($"{episode.EpisodeId}|resolved"), episode, now, $"Kafka reachable again from {source}.");
    }

    private static AlarmEpisode Episode(string source, DateTimeOffset outageStart, AlarmStatus status, DateTimeOffset raisedAt, DateTimeOffset? resolvedAt) =>
        new(
            Hash($"{RuleId}|{source}|{outageStart.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"), RuleId, 1, SystemPatient,
            AlarmCategory.Technical, AlarmPriority.High, Condition, Latching: false, status, outageStart, raisedAt,
            ConditionActive: resolvedAt is null, EscalationLevel: 0, raisedAt, null, null, null, resolvedAt);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}

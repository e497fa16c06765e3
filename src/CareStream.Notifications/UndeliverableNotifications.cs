using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace CareStream.Notifications;

/// <summary>
/// What happens to a notification that the bounded retries could not deliver: its Flag JSON goes to
/// <c>carestream.notifications.dlq.v1</c> with reason headers, and a technical alarm "notification undeliverable" is
/// published for the patient on <c>carestream.alerts.v1</c> (so the store, dashboards and FHIR API show it).
/// The technical alarm of a failed notification about a technical alarm of this kind is NOT raised again (no loop).
/// </summary>
public sealed class UndeliverableNotifications(KafkaProducer producer, IOptions<KafkaOptions> kafka, TimeProvider time)
{
    /// <summary>Rule id of the notifier's own technical alarm.</summary>
    public const string RuleId = "notification-undeliverable";

    /// <summary>Alarm condition code.</summary>
    public const string Condition = "NotificationUndeliverable";

    /// <summary>DLQ error code header value.</summary>
    public const string ErrorCode = "NotificationUndeliverable";

    public const string SubscriptionHeader = "carestream-notification-subscription";

    public const string EventIdHeader = "carestream-notification-event-id";

    public const string AttemptsHeader = "carestream-notification-attempts";

    public const string StatusCodeHeader = "carestream-notification-status-code";

    /// <summary>Dead-letters the notification, then raises the technical alarm unless the event is one itself; returns the alarm or null.</summary>
    public async Task<AlarmRaised?> HandleAsync(
        ConsumeResult<string, byte[]> source, AlarmEventEnvelope envelope, string subscriptionId, Notification notification,
        DeliveryAttempt last, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(last);
        var headers = new Headers();
        Add(headers, KafkaHeaders.OriginalTopic, source.Topic);
        Add(headers, KafkaHeaders.OriginalPartition, source.Partition.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.OriginalOffset, source.Offset.Value.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.OriginalTimestamp, source.Message.Timestamp.UnixTimestampMs.ToString(CultureInfo.InvariantCulture));
        Add(headers, KafkaHeaders.ErrorCode, ErrorCode);
        Add(headers, KafkaHeaders.ErrorReason, last.Error ?? "unknown");
        Add(headers, KafkaHeaders.ContentType, "application/fhir+json");
        Add(headers, SubscriptionHeader, subscriptionId);
        Add(headers, EventIdHeader, notification.EventId);
        Add(headers, AttemptsHeader, attempts.ToString(CultureInfo.InvariantCulture));
        if (last.StatusCode is { } status)
        {
            Add(headers, StatusCodeHeader, status.ToString(CultureInfo.InvariantCulture));
        }

        var patient = envelope.Event.Episode.Patient.Value;
        await producer.ProduceAsync(kafka.Value.Topics.NotificationsDeadLetter, patient, notification.Body, headers, cancellationToken);
        if (envelope.Event.Episode.RuleId == RuleId)
        {
            return null;
        }

        var alarm = TechnicalAlarm(envelope.Event, subscriptionId, last.Error ?? "unknown", attempts, time.GetUtcNow());
        await producer.ProduceAsync(
            kafka.Value.Topics.Alerts, AlarmEventCodec.KeyOf(alarm), AlarmEventCodec.Encode(alarm, envelope.Ward, envelope.Bed),
            cancellationToken: cancellationToken);
        return alarm;
    }

    /// <summary>
    /// The technical alarm: one episode per (patient, subscription), medium priority, non-latching; one event per
    /// undeliverable notification (deterministic id, so a redelivered source event republishes the same event id).
    /// </summary>
    public static AlarmRaised TechnicalAlarm(AlarmEvent source, string subscriptionId, string error, int attempts, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var patient = source.Episode.Patient;
        var episodeId = Hash($"{RuleId}|{patient.Value}|{subscriptionId}");
        var episode = new AlarmEpisode(
            episodeId, RuleId, 1, patient, AlarmCategory.Technical, AlarmPriority.Medium, Condition, Latching: false,
            AlarmStatus.Raised, now, now, ConditionActive: true, EscalationLevel: 0, now, null, null, null, null);
        var detail = $"Notification of alarm event {source.EventId} (episode {source.Episode.EpisodeId}) to subscription " +
            $"{subscriptionId} undeliverable after {attempts} attempt(s): {error}.";
        return new AlarmRaised(Hash($"{episodeId}|{source.EventId}"), episode, now, detail, []);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Messaging.Producing;
using CareStream.Storage.Alerts;
using Confluent.Kafka;
using Microsoft.Extensions.Options;

namespace CareStream.Notifications;

/// <summary>
/// What happens to a notification that the bounded retries could not deliver: its Flag JSON goes to
/// <c>carestream.notifications.dlq.v1</c> with reason headers, and a technical alarm "notification undeliverable" is
/// published for the patient on <c>carestream.alerts.v1</c> (so the store, dashboards and FHIR API show it).
/// The technical alarm of a failed notification about a technical alarm of this kind is NOT raised again (no loop).
/// One episode per (patient, subscription, outage): the outage starts at the subscription's first undeliverable
/// notification since its last success (<c>notification_subscription.undeliverable_since</c>), and its episodes are
/// resolved (<see cref="ResolveAsync"/>) when a delivery to the subscription succeeds again or it is deleted or off.
/// </summary>
public sealed class UndeliverableNotifications(KafkaProducer producer, AlarmQueries alarms, IOptions<KafkaOptions> kafka, TimeProvider time)
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

    /// <summary>
    /// Dead-letters the notification, then raises the technical alarm of the outage that started at
    /// <paramref name="outageStart"/> unless the event is one itself; returns the alarm or null.
    /// </summary>
    public async Task<AlarmRaised?> HandleAsync(
        ConsumeResult<string, byte[]> source, AlarmEventEnvelope envelope, string subscriptionId, Notification notification,
        DeliveryAttempt last, int attempts, DateTimeOffset outageStart, CancellationToken cancellationToken)
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

        var alarm = TechnicalAlarm(envelope.Event, subscriptionId, last.Error ?? "unknown", attempts, outageStart, time.GetUtcNow());
        await producer.ProduceAsync(
            kafka.Value.Topics.Alerts, AlarmEventCodec.KeyOf(alarm), AlarmEventCodec.Encode(alarm, envelope.Ward, envelope.Bed),
            cancellationToken: cancellationToken);
        return alarm;
    }

    /// <summary>
    /// Publishes the resolution of the outage's technical alarms (<paramref name="episodes"/>: episode id and patient)
    /// on <c>carestream.alerts.v1</c> with the ward and bed the store knows for them (so ward subscriptions and
    /// dashboards see it); event ids are deterministic, so a repeated resolution republishes the same ids.
    /// </summary>
    public async Task<int> ResolveAsync(
        string subscriptionId, DateTimeOffset outageStart, IReadOnlyList<(string EpisodeId, string PatientId)> episodes, string reason,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var now = time.GetUtcNow();
        foreach (var (episodeId, patient) in episodes)
        {
            var stored = await alarms.GetAsync(episodeId, cancellationToken);
            var resolved = Resolution(episodeId, new PatientId(patient), outageStart, now, $"Subscription {subscriptionId}: {reason}");
            await producer.ProduceAsync(
                kafka.Value.Topics.Alerts, AlarmEventCodec.KeyOf(resolved), AlarmEventCodec.Encode(resolved, stored?.Ward, stored?.Bed),
                cancellationToken: cancellationToken);
        }

        return episodes.Count;
    }

    /// <summary>The episode id of the technical alarm of <paramref name="patient"/> for one outage of a subscription.</summary>
    public static string EpisodeIdOf(PatientId patient, string subscriptionId, DateTimeOffset outageStart) =>
        Hash($"{RuleId}|{patient.Value}|{subscriptionId}|{outageStart.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The resolution of one technical alarm episode (event id derived from the episode: once per episode).</summary>
    public static AlarmResolved Resolution(string episodeId, PatientId patient, DateTimeOffset outageStart, DateTimeOffset now, string reason)
    {
        var episode = new AlarmEpisode(
            episodeId, RuleId, 1, patient, AlarmCategory.Technical, AlarmPriority.Medium, Condition, Latching: false,
            AlarmStatus.Resolved, outageStart, outageStart, ConditionActive: false, EscalationLevel: 0, outageStart, null, null, null, now);
        return new AlarmResolved(Hash($"{episodeId}|resolved"), episode, now, reason);
    }

    /// <summary>
    /// The technical alarm: one episode per (patient, subscription, outage), medium priority, non-latching; one event
    /// per undeliverable notification (deterministic id, so a redelivered source event republishes the same event id).
    /// </summary>
    public static AlarmRaised TechnicalAlarm(
        AlarmEvent source, string subscriptionId, string error, int attempts, DateTimeOffset outageStart, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(source);
        var patient = source.Episode.Patient;
        var episodeId = EpisodeIdOf(patient, subscriptionId, outageStart);
        var episode = new AlarmEpisode(
            episodeId, RuleId, 1, patient, AlarmCategory.Technical, AlarmPriority.Medium, Condition, Latching: false,
            AlarmStatus.Raised, outageStart, now, ConditionActive: true, EscalationLevel: 0, now, null, null, null, null);
        var detail = $"Notification of alarm event {source.EventId} (episode {source.Episode.EpisodeId}) to subscription " +
            $"{subscriptionId} undeliverable after {attempts} attempt(s): {error}.";
        return new AlarmRaised(Hash($"{episodeId}|{source.EventId}"), episode, now, detail, []);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    private static void Add(Headers headers, string name, string value) => headers.Add(name, Encoding.UTF8.GetBytes(value));
}

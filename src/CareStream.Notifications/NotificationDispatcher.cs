using CareStream.Domain.Alerts;
using CareStream.Fhir.Alerts;
using CareStream.Fhir.Mapping;
using CareStream.Messaging.Alerts;
using CareStream.Storage.Notifications;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Notifications;

/// <summary>
/// Delivers one alarm event to every matching subscription (in parallel across subscriptions, with bounded retries per
/// subscription) and returns only when each outcome is durable in <c>notification_delivery</c>: delivered (2xx), or
/// failed after it was dead-lettered. A database error propagates (the consumer loop then stores no offset).
/// </summary>
public sealed class NotificationDispatcher(
    SubscriptionCache cache, WebhookSender sender, DeliveryLog log, SubscriptionStore subscriptions,
    UndeliverableNotifications undeliverable, DeliveryOutages outages, IOptions<NotifierOptions> options, TimeProvider time,
    ILogger<NotificationDispatcher> logger)
{
    public async Task DispatchAsync(ConsumeResult<string, byte[]> source, AlarmEventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var settings = options.Value;
        var alarm = envelope.Event;
        var targets = (await cache.GetAsync(cancellationToken))
            .Where(s => NotificationTiers.Reaches(alarm, s.Subscription.Tier, settings.Tiers) && s.Criteria.Matches(alarm.Episode, envelope.Ward))
            .ToList();
        if (targets.Count == 0)
        {
            return;
        }

        var evidence = alarm is AlarmRaised raised ? raised.EvidenceObservationIds : null;
        var flag = FlagMapper.ToFlag(alarm.Episode, evidence, envelope.Ward, envelope.Bed);
        var notification = new Notification(alarm.EventId, AlarmEventCodec.TypeOf(alarm), alarm.Episode.EpisodeId, FhirJson.SerializeToUtf8Bytes(flag));
        await Task.WhenAll(targets.Select(t => DeliverAsync(source, envelope, t.Subscription, notification, settings, cancellationToken)));
    }

    private async Task DeliverAsync(
        ConsumeResult<string, byte[]> source, AlarmEventEnvelope envelope, NotificationSubscriptionEntity subscription,
        Notification notification, NotifierOptions settings, CancellationToken cancellationToken)
    {
        var episode = envelope.Event.Episode;
        var row = await log.BeginAsync(new NotificationDeliveryEntity
        {
            SubscriptionId = subscription.Id, EventId = notification.EventId, EpisodeId = episode.EpisodeId,
            PatientId = episode.Patient.Value, EventKind = notification.EventKind, Tier = subscription.Tier, Endpoint = subscription.Endpoint,
        }, cancellationToken);
        if (row.Status != DeliveryStatus.Pending)
        {
            Log.AlreadyDone(logger, notification.EventId, subscription.Id, row.Status);
            return;
        }

        var schedule = RetrySchedule.From(settings);
        var attempts = row.Attempts;
        var last = DeliveryAttempt.NoAnswer(row.LastError ?? "not-attempted");
        while (attempts < schedule.MaxAttempts)
        {
            var delay = schedule.DelayBefore(attempts + 1);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }

            attempts++;
            last = await sender.SendAsync(subscription, notification, cancellationToken);
            if (last.Delivered)
            {
                await log.CompleteAsync(subscription.Id, notification.EventId, DeliveryStatus.Delivered, attempts, last.StatusCode, null, cancellationToken);
                await subscriptions.SetStatusAsync(subscription.Id, SubscriptionState.Active, null, cancellationToken);
                Log.Delivered(logger, notification.EventId, subscription.Id, attempts);
                await outages.EndAsync(subscription.Id, "deliveries succeed again", cancellationToken);
                return;
            }

            Log.AttemptFailed(logger, notification.EventId, subscription.Id, attempts, schedule.MaxAttempts, last.Error ?? "unknown");
            await log.RecordAttemptAsync(subscription.Id, notification.EventId, attempts, last.StatusCode, last.Error ?? "unknown", cancellationToken);
            if (last.Permanent)
            {
                break;
            }
        }

        // Dead-letter (and raise the technical alarm) before marking failed: a crash in between redoes it, never loses it.
        var outageStart = await subscriptions.BeginOutageAsync(subscription.Id, time.GetUtcNow(), cancellationToken);
        var alarm = await undeliverable.HandleAsync(source, envelope, subscription.Id, notification, last, attempts, outageStart, cancellationToken);
        await log.CompleteAsync(
            subscription.Id, notification.EventId, DeliveryStatus.Failed, attempts, last.StatusCode, last.Error, cancellationToken, alarm?.Episode.EpisodeId);
        await subscriptions.SetStatusAsync(subscription.Id, SubscriptionState.Error, last.Error, cancellationToken);
        Log.Undeliverable(logger, notification.EventId, subscription.Id, attempts, last.Error ?? "unknown", source.TopicPartitionOffset);
        if (alarm is not null)
        {
            Log.TechnicalAlarmRaised(logger, alarm.Episode.EpisodeId, subscription.Id);
        }
    }
}

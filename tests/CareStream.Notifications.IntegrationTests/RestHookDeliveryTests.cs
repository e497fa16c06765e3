using System.Text;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Storage.Notifications;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Notifications.IntegrationTests;

[Collection(NotificationsCollection.Name)]
public sealed class RestHookDeliveryTests(KafkaFixture kafka, PostgresFixture postgres)
{
    private const string Secret = "synthetic-test-secret-0123456789";

    [Fact]
    public async Task GivenReceiverUp_WhenAlarmEventsPublished_ThenEachDeliveredOnceSignedAndRecordedDelivered()
    {
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await NotifierTestHost.StartAsync(kafka, postgres);
        var subscription = await host.SubscribeAsync(receiver.Endpoint, Secret);
        var first = AlarmEvents.Raised("pat-a1");
        var second = AlarmEvents.Raised("pat-a2", Domain.Alerts.AlarmPriority.Medium);
        var acknowledged = AlarmEvents.Acknowledged(first);

        await host.PublishAsync(first, second, acknowledged);
        var rows = await host.WaitForDeliveriesAsync(subscription.Id, r => r.Count == 3 && r.All(d => d.Status != DeliveryStatus.Pending));

        Assert.Equal(3, rows.Count);
        Assert.All(rows, d => Assert.Equal((DeliveryStatus.Delivered, 1, 200), (d.Status, d.Attempts, d.LastStatusCode)));
        Assert.Equal(
            new[] { first.EventId, second.EventId, acknowledged.EventId }.Order(),
            receiver.Received.Select(r => r.EventId).Order());
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid, "signature must verify"));
        Assert.All(receiver.Received, r => Assert.StartsWith("application/fhir+json", r.ContentType, StringComparison.Ordinal));
        var flag = Encoding.UTF8.GetString(receiver.Received.Single(r => r.EventId == second.EventId).Body);
        Assert.Contains("\"resourceType\":\"Flag\"", flag, StringComparison.Ordinal);
        Assert.Contains("\"PM\"", flag, StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<SubscriptionStore>().FindAsync(subscription.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SubscriptionState.Active, stored!.Status);
    }

    [Fact]
    public async Task GivenReceiverDown_WhenAlarmPublished_ThenRetriesBoundedDeadLetteredTechnicalAlarmRaisedAndResumesWhenBack()
    {
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        var port = receiver.Port;
        await using var host = await NotifierTestHost.StartAsync(kafka, postgres);
        var subscription = await host.SubscribeAsync(receiver.Endpoint, Secret);
        await receiver.StopAsync();
        var lost = AlarmEvents.Raised("pat-b1");

        await host.PublishAsync(lost);
        // The technical alarm is itself a Flag on the ward: its notification fails too, but raises no further alarm.
        var rows = await host.WaitForDeliveriesAsync(subscription.Id, r => r.Count(d => d.Status == DeliveryStatus.Failed) == 2);
        await Task.Delay(1000, TestContext.Current.CancellationToken); // room for a (wrong) third notification to show up

        rows = await host.WaitForDeliveriesAsync(subscription.Id, _ => true);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, d => Assert.Equal((DeliveryStatus.Failed, NotifierTestHost.MaxAttempts), (d.Status, d.Attempts)));
        Assert.All(rows, d => Assert.StartsWith("http-error-", d.LastError, StringComparison.Ordinal));
        Assert.Empty(receiver.Received);
        var deadLetters = host.Read(host.DeadLetters, expected: 2, TimeSpan.FromSeconds(10));
        Assert.Equal(2, deadLetters.Count);
        var original = deadLetters.Single(d => d.Message.Headers.GetString(UndeliverableNotifications.EventIdHeader) == lost.EventId);
        Assert.Equal(host.Alerts, original.Message.Headers.GetString(KafkaHeaders.OriginalTopic));
        Assert.Equal(UndeliverableNotifications.ErrorCode, original.Message.Headers.GetString(KafkaHeaders.ErrorCode));
        Assert.Equal("3", original.Message.Headers.GetString(UndeliverableNotifications.AttemptsHeader));
        Assert.Equal(subscription.Id, original.Message.Headers.GetString(UndeliverableNotifications.SubscriptionHeader));
        var alerts = host.Read(host.Alerts, expected: 3, TimeSpan.FromSeconds(3)).Select(r => AlarmEventCodec.Decode(r.Message.Value)).ToList();
        var technical = Assert.Single(alerts, a => a.Event.Episode.RuleId == UndeliverableNotifications.RuleId);
        Assert.Equal((Domain.Alerts.AlarmCategory.Technical, "pat-b1"), (technical.Event.Episode.Category, technical.Event.Episode.Patient.Value));
        var stored = await host.Services.GetRequiredService<SubscriptionStore>().FindAsync(subscription.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SubscriptionState.Error, stored!.Status);

        await receiver.StartAsync(port);
        var later = AlarmEvents.Raised("pat-b2");
        await host.PublishAsync(later);
        rows = await host.WaitForDeliveriesAsync(subscription.Id, r => r.Any(d => d.EventId == later.EventId && d.Status != DeliveryStatus.Pending));

        var resumed = rows.Single(d => d.EventId == later.EventId);
        Assert.True(resumed.Status == DeliveryStatus.Delivered, $"{resumed.Status} after {resumed.Attempts} attempt(s): {resumed.LastError}");
        Assert.Equal([later.EventId], receiver.Received.Select(r => r.EventId));
        Assert.True(receiver.Received.Single().SignatureValid);
        Assert.DoesNotContain(rows, d => d.EventId == lost.EventId && d.Status == DeliveryStatus.Delivered);
        stored = await host.Services.GetRequiredService<SubscriptionStore>().FindAsync(subscription.Id, TestContext.Current.CancellationToken);
        Assert.Equal(SubscriptionState.Active, stored!.Status);
        // Deliveries succeed again: the outage's technical alarm is resolved on the alerts topic (→ store, dashboards).
        var resolution = WaitForResolution(host, technical.Event.Episode.EpisodeId);
        Assert.NotNull(resolution);
        Assert.Equal((Domain.Alerts.AlarmStatus.Resolved, "pat-b1"), (resolution.Episode.Status, resolution.Episode.Patient.Value));
        stored = await host.Services.GetRequiredService<SubscriptionStore>().FindAsync(subscription.Id, TestContext.Current.CancellationToken);
        Assert.Null(stored!.UndeliverableSince);
    }

    [Fact]
    public async Task GivenAnOutageResolvedAndTheReceiverDownAgain_WhenNotificationsFail_ThenANewEpisodeIsRaisedAndResolvedWhenTheSubscriptionIsDeleted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = new WebhookReceiver(Secret);
        await receiver.StartAsync();
        await using var host = await NotifierTestHost.StartAsync(kafka, postgres);
        var subscription = await host.SubscribeAsync(receiver.Endpoint, Secret);
        await receiver.StopAsync();
        var firstLost = AlarmEvents.Raised("pat-c1");
        await host.PublishAsync(firstLost);
        var firstEpisode = WaitForTechnical(host, firstLost.EventId);
        Assert.NotNull(firstEpisode);
        await receiver.StartAsync(receiver.Port);
        var delivered = AlarmEvents.Raised("pat-c2");
        await host.PublishAsync(delivered);
        Assert.NotNull(WaitForResolution(host, firstEpisode));
        await receiver.StopAsync();
        var secondLost = AlarmEvents.Raised("pat-c1", Domain.Alerts.AlarmPriority.Medium);
        await host.PublishAsync(secondLost);
        var secondEpisode = WaitForTechnical(host, secondLost.EventId);

        Assert.NotNull(secondEpisode);
        Assert.NotEqual(firstEpisode, secondEpisode); // a new outage is a new episode (the store keeps resolved ones resolved)
        Assert.True(await host.Services.GetRequiredService<SubscriptionStore>().DeleteAsync(subscription.Id, ct));
        Assert.NotNull(WaitForResolution(host, secondEpisode)); // deleted: no delivery will ever end the outage
    }

    /// <summary>The "notification undeliverable" episode raised for the failed delivery of <paramref name="sourceEventId"/>.</summary>
    private static string? WaitForTechnical(NotifierTestHost host, string sourceEventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            var technical = host.Read(host.Alerts, expected: int.MaxValue, TimeSpan.FromSeconds(2))
                .Select(r => AlarmEventCodec.Decode(r.Message.Value).Event)
                .OfType<Domain.Alerts.AlarmRaised>()
                .LastOrDefault(a => a.Episode.RuleId == UndeliverableNotifications.RuleId && a.Detail.Contains(sourceEventId, StringComparison.Ordinal));
            if (technical is not null)
            {
                return technical.Episode.EpisodeId;
            }
        }
        while (DateTime.UtcNow < deadline);

        return null;
    }

    private static Domain.Alerts.AlarmResolved? WaitForResolution(NotifierTestHost host, string episodeId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do
        {
            var resolved = host.Read(host.Alerts, expected: int.MaxValue, TimeSpan.FromSeconds(2))
                .Select(r => AlarmEventCodec.Decode(r.Message.Value).Event)
                .OfType<Domain.Alerts.AlarmResolved>()
                .SingleOrDefault(a => a.Episode.EpisodeId == episodeId);
            if (resolved is not null)
            {
                return resolved;
            }
        }
        while (DateTime.UtcNow < deadline);

        return null;
    }
}

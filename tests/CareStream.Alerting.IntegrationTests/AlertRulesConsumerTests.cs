using CareStream.Messaging.Alerts;
using CareStream.Domain.Alerts;
using CareStream.Testing.Kafka;

namespace CareStream.Alerting.IntegrationTests;

[Collection(KafkaCollection.Name)]
public sealed class AlertRulesConsumerTests(KafkaFixture kafka)
{
    private const string SpO2Limit = "limit.oxygenSaturation";
    private const string SpO2NoData = "technical.noData.oxygenSaturation";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1.5);

    [Fact]
    public async Task GivenSpO2BelowCriticalLimitLongerThanDelay_WhenConsumed_ThenExactlyOneHighAlarmIsPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-a1", "device-a1", "bed-1");
        var t0 = test.Time.GetUtcNow();
        using var host = test.Build();
        using var alerts = test.ReadAlerts();

        await host.StartAsync(ct);
        await test.PublishAsync("patient-a1", [.. Enumerable.Range(0, 4).Select(i => TestObservations.SpO2("patient-a1", "device-a1", t0.AddSeconds(5 * i), 82))]);
        var raised = alerts.WaitFor(r => Raised(r, "patient-a1", SpO2Limit).Any(), WaitLimit);
        alerts.Settle(Quiet);
        await host.StopAsync(ct);

        Assert.True(raised, "no SpO2 limit alarm within 30 s");
        var alarm = Assert.Single(Raised(alerts.Records, "patient-a1", SpO2Limit));
        Assert.Equal(AlarmPriority.High, alarm.Event.Episode.Priority);
        Assert.Equal("OxygenSaturationLow", alarm.Event.Episode.Condition);
        Assert.Equal(t0, alarm.Event.Episode.ConditionStartedAt);
        Assert.Equal(AlertingTestHost.Ward, alarm.Ward?.Value);
        Assert.Equal("bed-1", alarm.Bed?.Value);
        Assert.Equal(3, ((AlarmRaised)alarm.Event).EvidenceObservationIds.Count);
        Assert.Equal("PH", FlagPriority.CodeOf(alarm.Event.Episode.Priority));
    }

    [Fact]
    public async Task GivenNormalReadings_WhenConsumed_ThenNoAlarmIsPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-b1", "device-b1", "bed-2");
        var t0 = test.Time.GetUtcNow();
        using var host = test.Build();
        using var alerts = test.ReadAlerts();

        await host.StartAsync(ct);
        await test.PublishAsync("patient-b1", [.. Enumerable.Range(0, 6).Select(i => TestObservations.SpO2("patient-b1", "device-b1", t0.AddSeconds(5 * i), 97))]);
        var sentinelSeen = await PublishSentinelAsync(test, alerts, t0);
        alerts.Settle(Quiet);
        await host.StopAsync(ct);

        Assert.True(sentinelSeen, "the sentinel alarm behind the normal readings never arrived: they were not consumed");
        Assert.DoesNotContain(alerts.Records, r => r.Event.Episode.Patient.Value == "patient-b1");
    }

    [Fact]
    public async Task GivenSameReadingsDeliveredTwice_WhenConsumed_ThenNoEventIdIsPublishedTwice()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-c1", "device-c1", "bed-3");
        var t0 = test.Time.GetUtcNow();
        var readings = Enumerable.Range(0, 4).Select(i => TestObservations.SpO2("patient-c1", "device-c1", t0.AddSeconds(5 * i), 80)).ToArray();
        using var host = test.Build();
        using var alerts = test.ReadAlerts();

        await host.StartAsync(ct);
        await test.PublishAsync("patient-c1", readings);
        await test.PublishAsync("patient-c1", readings);
        var sentinelSeen = await PublishSentinelAsync(test, alerts, t0);
        alerts.Settle(Quiet);
        await host.StopAsync(ct);

        Assert.True(sentinelSeen, "the sentinel alarm never arrived");
        var ids = alerts.Records.Select(r => r.Event.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Single(Raised(alerts.Records, "patient-c1", SpO2Limit));
    }

    [Fact]
    public async Task GivenSilentDevicePastStaleThreshold_WhenTimeAdvances_ThenNoDataAlarmIsRaisedAndResolvedOnResume()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-d1", "device-d1", "bed-4");
        var t0 = test.Time.GetUtcNow();
        using var host = test.Build();
        using var alerts = test.ReadAlerts();
        await host.StartAsync(ct);
        await test.PublishAsync("patient-d1", [.. Enumerable.Range(0, 3).Select(i => TestObservations.SpO2("patient-d1", "device-d1", t0.AddSeconds(5 * i), 97))]);
        Assert.True(await PublishSentinelAsync(test, alerts, t0), "the readings were not consumed");

        // Last reading at t0+10 s; default SpO2 expects one per 5 s, k = 3: stale after t0+25 s.
        for (var second = 1; second <= 24; second++)
        {
            test.Time.Advance(TimeSpan.FromSeconds(1));
        }

        alerts.Settle(Quiet);
        var earlyAlarm = Raised(alerts.Records, "patient-d1", SpO2NoData).Any();
        test.Time.Advance(TimeSpan.FromSeconds(2));
        var staleRaised = alerts.WaitFor(r => Raised(r, "patient-d1", SpO2NoData).Any(), WaitLimit);
        await test.PublishAsync("patient-d1", TestObservations.SpO2("patient-d1", "device-d1", test.Time.GetUtcNow(), 97));
        var resolved = alerts.WaitFor(r => Of<AlarmResolved>(r, "patient-d1", SpO2NoData).Any(), WaitLimit);
        await host.StopAsync(ct);

        Assert.False(earlyAlarm, "a no-data alarm was raised before k x interval had passed");
        Assert.True(staleRaised, "no no-data alarm within 30 s after the stale threshold");
        var alarm = Assert.Single(Raised(alerts.Records, "patient-d1", SpO2NoData));
        Assert.Equal(AlarmCategory.Technical, alarm.Event.Episode.Category);
        Assert.Equal(AlarmPriority.Low, alarm.Event.Episode.Priority);
        Assert.True(resolved, "data resumed but the no-data alarm was not resolved within 30 s");
        Assert.Equal(alarm.Event.Episode.EpisodeId, Assert.Single(Of<AlarmResolved>(alerts.Records, "patient-d1", SpO2NoData)).Event.Episode.EpisodeId);
        Assert.DoesNotContain(alerts.Records, r => r.Event.Episode.Patient.Value == "patient-d1" && r.Event.Episode.RuleId != SpO2NoData);
    }

    [Fact]
    public async Task GivenActiveAlarm_WhenRulesRoleRestartsAndConditionPersistsThenClears_ThenNoDuplicateRaiseAndSameEpisodeResolves()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-e1", "device-e1", "bed-5");
        var t0 = test.Time.GetUtcNow();
        using var alerts = test.ReadAlerts();
        using (var first = test.Build())
        {
            await first.StartAsync(ct);
            await test.PublishAsync("patient-e1", [.. Enumerable.Range(0, 4).Select(i => TestObservations.SpO2("patient-e1", "device-e1", t0.AddSeconds(5 * i), 82))]);
            Assert.True(alerts.WaitFor(r => Raised(r, "patient-e1", SpO2Limit).Any(), WaitLimit), "no alarm before the restart");
            await first.StopAsync(ct);
        }

        using var second = test.Build();
        await second.StartAsync(ct);
        await test.PublishAsync("patient-e1", [.. Enumerable.Range(4, 2).Select(i => TestObservations.SpO2("patient-e1", "device-e1", t0.AddSeconds(5 * i), 82))]);
        await test.PublishAsync("patient-e1", [.. Enumerable.Range(6, 2).Select(i => TestObservations.SpO2("patient-e1", "device-e1", t0.AddSeconds(5 * i), 97))]);
        var resolved = alerts.WaitFor(r => Of<AlarmResolved>(r, "patient-e1", SpO2Limit).Any(), WaitLimit);
        alerts.Settle(Quiet);
        await second.StopAsync(ct);

        Assert.True(resolved, "the alarm did not resolve after the restart");
        var raised = Assert.Single(Raised(alerts.Records, "patient-e1", SpO2Limit));
        var end = Assert.Single(Of<AlarmResolved>(alerts.Records, "patient-e1", SpO2Limit));
        Assert.Equal(raised.Event.Episode.EpisodeId, end.Event.Episode.EpisodeId);
        var ids = alerts.Records.Select(r => r.Event.EventId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>A heart rate of 30/min (critical, delay 0) for a separate patient, behind the test's readings in the one partition.</summary>
    internal static async Task<bool> PublishSentinelAsync(AlertingTestHost test, AlertsReader alerts, DateTimeOffset at)
    {
        await test.PublishAsync("sentinel", TestObservations.HeartRate("sentinel", "device-sentinel", at, 30));
        return alerts.WaitFor(r => Raised(r, "sentinel", "limit.heartRate").Any(), WaitLimit);
    }

    internal static IEnumerable<AlarmEventEnvelope> Raised(IEnumerable<AlarmEventEnvelope> records, string patient, string ruleId) =>
        Of<AlarmRaised>(records, patient, ruleId);

    internal static IEnumerable<AlarmEventEnvelope> Of<T>(IEnumerable<AlarmEventEnvelope> records, string patient, string ruleId)
        where T : AlarmEvent =>
        records.Where(r => r.Event is T && r.Event.Episode.Patient.Value == patient && r.Event.Episode.RuleId == ruleId);
}

using System.Collections.Concurrent;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Live.Hubs;
using CareStream.Messaging.Alerts;
using CareStream.Testing.Hosting;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Microsoft.AspNetCore.SignalR.Client;

namespace CareStream.IntegrationTests;

/// <summary>
/// No silent gaps for alarms: a dashboard that is disconnected during a burst of alarms resumes from its last
/// sequence number and receives every missed alarm exactly once; redelivered alarm events are never shown twice.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class AlarmResumeTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Ward = "ward-alarms";
    private static readonly DateTimeOffset At = new(2026, 11, 25, 11, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAClientDisconnectedDuringABurstOfAlarms_WhenItResumes_ThenItGetsEveryMissedAlarmExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = await HostSettings.CreateAsync(kafka, postgres.ConnectionString);
        await using var host = CareStreamProcess.Start(settings.Values, "--roles", "live");
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), ct);

        var seen = new ConcurrentQueue<AlarmNotification>();
        var first = await ConnectAsync(host, seen, ct);
        var joined = await first.InvokeAsync<WardSnapshot>(nameof(WardHub.FollowWard), Ward, ct);
        await ProduceAlarmsAsync(settings.Topics.Alerts, from: 1, count: 5);
        await WaitForAsync(() => seen.Count >= 5, ct);
        var lastSeen = seen.Max(a => a.Sequence);
        await first.DisposeAsync();

        await ProduceAlarmsAsync(settings.Topics.Alerts, from: 6, count: 20);   // the burst while disconnected
        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        await ProduceAlarmsAsync(settings.Topics.Alerts, from: 1, count: 25);   // at-least-once: every event again
        var second = await ConnectAsync(host, seen, ct);
        var resume = await second.InvokeAsync<WardResume>(nameof(WardHub.ResumeWard), Ward, lastSeen, ct);
        await ProduceAlarmsAsync(settings.Topics.Alerts, from: 26, count: 1);    // a live one after resuming
        await WaitForAsync(() => seen.Any(a => a.EventId == "evt-26"), ct);
        await second.DisposeAsync();

        Assert.Equal(0, joined.Sequence);
        Assert.False(resume.GapTooOld);
        // Patients live on different partitions, so the ward's sequence follows arrival, not the event numbers.
        Assert.Equal(Enumerable.Range(6, 20).Select(i => $"evt-{i}").Order(), resume.Missed.Select(a => a.EventId).Order());
        Assert.Equal(Enumerable.Range((int)lastSeen + 1, 20).Select(i => (long)i), resume.Missed.Select(a => a.Sequence));
        var everything = seen.Select(a => a.EventId).Concat(resume.Missed.Select(a => a.EventId)).ToList();
        Assert.Equal(26, everything.Count);
        Assert.Equal(26, everything.Distinct().Count());
        Assert.Equal(26, resume.Snapshot.ActiveAlarms.Count + 1); // all open; evt-26 came after the snapshot
    }

    private static async Task<HubConnection> ConnectAsync(CareStreamProcess host, ConcurrentQueue<AlarmNotification> seen, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(host.BaseAddress, WardHub.Path), o => o.AccessTokenProvider = () => Task.FromResult<string?>(host.AdministratorToken())).Build();
        connection.On<AlarmNotification>(nameof(IWardClient.AlarmChanged), seen.Enqueue);
        await connection.StartAsync(ct);
        return connection;
    }

    private async Task ProduceAlarmsAsync(string topic, int from, int count)
    {
        var records = Enumerable.Range(from, count).Select(i =>
        {
            var patient = new PatientId($"alarm-patient-{i}");
            var episode = new AlarmEpisode(
                $"ep-{i}", "limit.spo2", 1, patient, AlarmCategory.Physiological, AlarmPriority.High, "SpO2Low", Latching: false,
                AlarmStatus.Raised, At, At.AddSeconds(i), ConditionActive: true, EscalationLevel: 0, At.AddSeconds(i), null, null, null, null);
            var raised = new AlarmRaised($"evt-{i}", episode, At.AddSeconds(i), "SpO2 below 85 %", []);
            var value = AlarmEventCodec.Encode(raised, new WardId(Ward), new BedId($"{Ward}-bed-{i:00}"));
            return KeyValuePair.Create(patient.Value, Encoding.UTF8.GetString(value));
        });
        await kafka.ProduceAsync(topic, records);
    }

    private static async Task WaitForAsync(Func<bool> condition, CancellationToken ct)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(100, ct);
        }

        Assert.True(condition(), "timed out after 20 s");
    }
}

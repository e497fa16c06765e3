using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.News2;
using CareStream.Testing.Kafka;
using static CareStream.Alerting.IntegrationTests.AlertRulesConsumerTests;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>Charting arrives on the command topic and survives a restart of the rules role (replayed on assignment).</summary>
[Collection(KafkaCollection.Name)]
public sealed class ChartingRestoreTests(KafkaFixture kafka)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenOxygenChartedBeforeARestart_WhenTheScoreWorsensAfterIt_ThenTheNews2AlarmRisesToHighWithTheOxygenPoints()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-c1", "device-c1", "bed-7");
        var t0 = test.Time.GetUtcNow();
        using var alerts = test.ReadAlerts();
        using (var first = test.Build())
        {
            await first.StartAsync(ct);
            await test.CommandAsync(PatientCommand.Create(
                PatientCommandTypes.Charting, new PatientId("patient-c1"), "nurse-7", t0, charting: new ChartingUpdate(true, Consciousness.Alert, SpO2Scale.Scale1)));
            await PublishVitalsAsync(test, t0, respiratoryRate: 22);   // 2 + 1 + 1 + 0 + 0 + oxygen 2 = 6
            Assert.True(alerts.WaitFor(r => Raised(r, "patient-c1", "news2").Any(), WaitLimit), "no NEWS2 alarm before the restart");
            await first.StopAsync(ct);
        }

        using var second = test.Build();
        await second.StartAsync(ct);
        await PublishVitalsAsync(test, t0.AddSeconds(10), respiratoryRate: 25); // 3 + 1 + 1 + 0 + 0 + oxygen 2 = 7 only with the charting
        var increased = alerts.WaitFor(r => Of<AlarmPriorityIncreased>(r, "patient-c1", "news2").Any(), WaitLimit);
        await second.StopAsync(ct);

        Assert.True(increased, "the NEWS2 alarm did not rise to High after the restart: charting was not restored");
        Assert.Equal(AlarmPriority.Medium, Assert.Single(Raised(alerts.Records, "patient-c1", "news2")).Event.Episode.Priority);
        Assert.Equal(AlarmPriority.High, Assert.Single(Of<AlarmPriorityIncreased>(alerts.Records, "patient-c1", "news2")).Event.Episode.Priority);
    }

    private static Task PublishVitalsAsync(AlertingTestHost test, DateTimeOffset at, double respiratoryRate) =>
        test.PublishAsync(
            "patient-c1",
            TestObservations.RespiratoryRate("patient-c1", "device-c1", at, respiratoryRate),
            TestObservations.SpO2("patient-c1", "device-c1", at, 95),
            TestObservations.Systolic("patient-c1", "device-c1", at, 105),
            TestObservations.HeartRate("patient-c1", "device-c1", at, 60),
            TestObservations.Temperature("patient-c1", "device-c1", at, 37));
}

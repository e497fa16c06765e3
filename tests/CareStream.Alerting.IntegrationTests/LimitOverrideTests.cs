using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;
using CareStream.Testing.Kafka;
using static CareStream.Alerting.IntegrationTests.AlertRulesConsumerTests;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>A limits command on the command topic changes one patient's alarms, and survives a restart (replayed on assignment).</summary>
[Collection(KafkaCollection.Name)]
public sealed class LimitOverrideTests(KafkaFixture kafka)
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenHeartRate118UnderTheWardDefault_WhenTheWarningHighIsLoweredTo115AndTheRoleRestarts_ThenTheNextReadingRaises()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-l1", "device-l1", "bed-8");
        var t0 = test.Time.GetUtcNow();
        using var alerts = test.ReadAlerts();
        using (var first = test.Build())
        {
            await first.StartAsync(ct);
            await test.PublishAsync("patient-l1", TestObservations.HeartRate("patient-l1", "device-l1", t0, 118)); // ward warningHigh 120: nothing
            Assert.True(await PublishSentinelAsync(test, alerts, t0), "the sentinel alarm never came"); // HR 118 evaluated
            await test.CommandAsync(PatientCommand.Create(
                PatientCommandTypes.Limits, new PatientId("patient-l1"), "dr-4", t0,
                limits: new Dictionary<string, ParameterLimitsOverride> { ["heartRate"] = new(WarningHigh: new LimitBand(115, AlarmPriority.Medium)) }));
            await first.StopAsync(ct);
        }

        Assert.Empty(Raised(alerts.Records, "patient-l1", "limit.heartRate"));
        using var second = test.Build();
        await second.StartAsync(ct);
        await test.PublishAsync("patient-l1", TestObservations.HeartRate("patient-l1", "device-l1", t0.AddSeconds(5), 118));
        var raised = alerts.WaitFor(r => Raised(r, "patient-l1", "limit.heartRate").Any(), WaitLimit);
        await second.StopAsync(ct);

        Assert.True(raised, "HR 118 raised nothing after lowering warningHigh to 115 and a restart: the override was not applied or not restored");
        Assert.Equal(AlarmPriority.Medium, Assert.Single(Raised(alerts.Records, "patient-l1", "limit.heartRate")).Event.Episode.Priority);
    }
}

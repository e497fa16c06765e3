using CareStream.Alerting.Commands;
using CareStream.Domain.Alerts;
using CareStream.Rules.RuleSets;
using CareStream.Storage.Limits;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CareStream.Alerting.IntegrationTests.AlertRulesConsumerTests;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>
/// Limit overrides older than <c>Alerting:ChartingLookback</c> (or the command topic's retention) are restored on
/// assignment from the durable audit <c>patient_limit_change</c> (real PostgreSQL).
/// </summary>
[Collection(KafkaCollection.Name)]
public sealed class AuditedLimitRestoreTests(KafkaFixture kafka, PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task GivenAnOverrideSetEightDaysAgoAndGoneFromTheTopic_WhenTheRulesRoleRestarts_ThenItIsStillInForce()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-a8", "device-a8", "bed-9");
        var t0 = test.Time.GetUtcNow();
        var overrides = new Dictionary<string, ParameterLimitsOverride> { ["heartRate"] = new(WarningHigh: new LimitBand(115, AlarmPriority.Medium)) };
        // Only the audit holds it: the command's record is past the look-back and the topic's retention.
        await new PatientLimitChangeStore(postgres.Services.GetRequiredService<NpgsqlDataSource>()).AppendAsync(
            [new PatientLimitChange($"cmd-a8-{Guid.NewGuid():N}", "patient-a8", "dr-4", t0.AddDays(-8), "{}", LimitOverridesJson.Serialize(overrides), 0, 3)],
            ct);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        using var alerts = test.ReadAlerts();
        using (var first = test.Build(database: database))
        {
            await first.StartAsync(ct);
            Assert.True(await PublishSentinelAsync(test, alerts, t0), "the sentinel alarm never came");
            await first.StopAsync(ct);
        }

        using var second = test.Build(database: database);
        await second.StartAsync(ct);
        await test.PublishAsync("patient-a8", TestObservations.HeartRate("patient-a8", "device-a8", t0.AddSeconds(5), 118)); // ward warningHigh 120
        var raised = alerts.WaitFor(r => Raised(r, "patient-a8", "limit.heartRate").Any(), WaitLimit);
        await second.StopAsync(ct);

        Assert.True(raised, "HR 118 raised nothing after a restart: the 8-day-old override (warningHigh 115) was not restored from patient_limit_change");
        Assert.Equal(AlarmPriority.Medium, Assert.Single(Raised(alerts.Records, "patient-a8", "limit.heartRate")).Event.Episode.Priority);
    }

    [Fact]
    public async Task GivenTheAuditSaysClearedEightDaysAgo_WhenTheRulesRoleStarts_ThenTheWardDefaultsApply()
    {
        var ct = TestContext.Current.CancellationToken;
        var test = await AlertingTestHost.CreateAsync(kafka);
        await test.AssignAsync("patient-a9", "device-a9", "bed-10");
        var t0 = test.Time.GetUtcNow();
        var raisedLimit = new Dictionary<string, ParameterLimitsOverride> { ["heartRate"] = new(WarningHigh: new LimitBand(130, AlarmPriority.Medium)) };
        var store = new PatientLimitChangeStore(postgres.Services.GetRequiredService<NpgsqlDataSource>());
        await store.AppendAsync(
            [
                new PatientLimitChange($"cmd-a9-set-{Guid.NewGuid():N}", "patient-a9", "dr-4", t0.AddDays(-9), "{}", LimitOverridesJson.Serialize(raisedLimit), 0, 4),
                new PatientLimitChange($"cmd-a9-clear-{Guid.NewGuid():N}", "patient-a9", "dr-4", t0.AddDays(-8), "", PatientLimitChangeStore.NoOverrides, 0, 5),
            ],
            ct);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        using var alerts = test.ReadAlerts();

        using var host = test.Build(database: database);
        await host.StartAsync(ct);
        // Ward warningHigh 120 with a 10 s delay: 125 held for 11 s raises it; the cleared override (130) would not.
        await test.PublishAsync("patient-a9",
            TestObservations.HeartRate("patient-a9", "device-a9", t0, 125),
            TestObservations.HeartRate("patient-a9", "device-a9", t0.AddSeconds(5), 125),
            TestObservations.HeartRate("patient-a9", "device-a9", t0.AddSeconds(11), 125));
        var raised = alerts.WaitFor(r => Raised(r, "patient-a9", "limit.heartRate").Any(), WaitLimit);
        await host.StopAsync(ct);

        Assert.True(raised, "HR 125 raised nothing: the cleared override (deletion) was not honoured and warningHigh 130 stayed in force");
    }
}

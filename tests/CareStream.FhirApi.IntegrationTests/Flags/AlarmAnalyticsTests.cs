using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging.Alerts;
using CareStream.Storage.Alerts;

namespace CareStream.FhirApi.IntegrationTests.Flags;

public sealed class AlarmAnalyticsTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    private static readonly DateTimeOffset Day = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GivenAlarmsOfOneBedOverTwoDays_WhenAnalysed_ThenCountsTimeToAcknowledgeAndSelfResolvedShareFollowTheDefinitions()
    {
        var ward = $"ward-{Guid.NewGuid():N}"[..16];
        var patient = Seed.NewPatient();
        // Acknowledged after 60 s, 120 s and 300 s; one self-resolved after 20 s; one self-resolved after 90 s (outside 30 s).
        await StoreAsync(ward, Acknowledged(patient, Day.AddHours(1), 60));
        await StoreAsync(ward, Acknowledged(patient, Day.AddHours(2), 120));
        await StoreAsync(ward, Acknowledged(patient, Day.AddHours(3), 300));
        await StoreAsync(ward, SelfResolved(patient, Day.AddHours(4), 20));
        await StoreAsync(ward, SelfResolved(patient, Day.AddHours(5), 90));
        await StoreAsync(ward, SelfResolved(patient, Day.AddDays(3), 5)); // outside the period

        var (status, report) = await api.GetAsync($"/api/alarms/analytics?ward={ward}&from={Day:yyyy-MM-dd}&to={Day.AddDays(2):yyyy-MM-dd}");

        Assert.Equal(200, status);
        var row = Assert.Single(report.GetProperty("rows").EnumerateArray());
        Assert.Equal("bed-1", row.GetProperty("bed").GetString());
        Assert.Equal(5, row.GetProperty("alarms").GetInt64());
        Assert.Equal(2.5, row.GetProperty("alarmsPerBedPerDay").GetDouble(), 6);
        Assert.Equal(3, row.GetProperty("acknowledged").GetInt64());
        Assert.Equal(120, row.GetProperty("medianSecondsToAcknowledge").GetDouble(), 6);
        Assert.Equal(264, row.GetProperty("p90SecondsToAcknowledge").GetDouble(), 6); // 120 + 0.8 × (300 − 120)
        Assert.Equal(1, row.GetProperty("selfResolved").GetInt64());
        Assert.Equal(0.2, row.GetProperty("selfResolvedShare").GetDouble(), 6);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2026-05-04&to=2026-05-01")]
    [InlineData("selfResolvedWithin=-3")]
    public async Task GivenAnInvalidQuery_WhenAnalysed_Then400(string query)
    {
        var (status, body) = await api.GetAsync("/api/alarms/analytics?" + query);

        Assert.Equal(400, status);
        Assert.Equal(JsonValueKind.Object, body.ValueKind);
    }

    private static AlarmEvent[] Acknowledged(PatientId patient, DateTimeOffset raisedAt, int seconds)
    {
        var raised = Episode(patient, raisedAt);
        var acknowledged = raised with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = raisedAt.AddSeconds(seconds), AcknowledgedBy = "n-1" };
        return [new AlarmRaised(raised.EpisodeId + "-r", raised, raisedAt, "", []),
            new AlarmAcknowledged(raised.EpisodeId + "-a", acknowledged, raisedAt.AddSeconds(seconds), "n-1")];
    }

    private static AlarmEvent[] SelfResolved(PatientId patient, DateTimeOffset raisedAt, int seconds)
    {
        var raised = Episode(patient, raisedAt);
        var resolved = raised with { Status = AlarmStatus.Resolved, ConditionActive = false, ResolvedAt = raisedAt.AddSeconds(seconds) };
        return [new AlarmRaised(raised.EpisodeId + "-r", raised, raisedAt, "", []),
            new AlarmResolved(raised.EpisodeId + "-x", resolved, raisedAt.AddSeconds(seconds), "cleared")];
    }

    private Task StoreAsync(string ward, AlarmEvent[] events) =>
        api.Alarms.WriteAsync(
            events.Select((e, i) => new AlarmEventRecord(e, AlarmEventCodec.TypeOf(e), new WardId(ward), new BedId("bed-1"), AlarmEventCodec.Encode(e), 0, i)).ToList(),
            TestContext.Current.CancellationToken);

    private static AlarmEpisode Episode(PatientId patient, DateTimeOffset raisedAt) => new(
        $"ep-{Guid.NewGuid():N}"[..24], "limit.hr", 1, patient, AlarmCategory.Physiological, AlarmPriority.Medium, "HeartRateHigh",
        Latching: false, AlarmStatus.Raised, raisedAt.AddSeconds(-10), raisedAt, ConditionActive: true, EscalationLevel: 0, raisedAt,
        null, null, null, null);
}

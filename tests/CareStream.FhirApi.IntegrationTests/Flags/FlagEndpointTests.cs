using System.Text.Json;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Fhir.Alerts;
using CareStream.Messaging.Alerts;
using CareStream.Storage.Alerts;

namespace CareStream.FhirApi.IntegrationTests.Flags;

public sealed class FlagEndpointTests(FhirApiFixture api) : IClassFixture<FhirApiFixture>
{
    [Fact]
    public async Task GivenAStoredHighPriorityAlarm_WhenReadAsFlag_ThenStatusPriorityAndEvidenceAreServed()
    {
        var patient = Seed.NewPatient();
        var episode = Episode(patient, "ep-read-" + Guid.NewGuid().ToString("N")[..8], Seed.T0, AlarmPriority.High);
        await StoreAsync(new AlarmRaised(episode.EpisodeId + "-r", episode, Seed.T0, "SpO2 84 %", ["obs-a"]));

        var (status, flag) = await api.GetAsync($"/fhir/Flag/{episode.EpisodeId}");

        Assert.Equal(200, status);
        Assert.Equal("Flag", flag.GetProperty("resourceType").GetString());
        Assert.Equal("active", flag.GetProperty("status").GetString());
        Assert.Equal(FlagPriority.High, PriorityCode(flag));
        Assert.Contains(flag.GetProperty("extension").EnumerateArray(), e =>
            e.GetProperty("url").GetString() == AlarmFhirCodes.FlagDetailExtension
            && e.GetProperty("valueReference").GetProperty("reference").GetString() == "Observation/obs-a");
    }

    [Fact]
    public async Task GivenAnUnknownOrInvalidId_WhenRead_Then404OperationOutcome()
    {
        var (unknown, outcome) = await api.GetAsync("/fhir/Flag/no-such-episode");
        var (invalid, _) = await api.GetAsync("/fhir/Flag/" + new string('x', 65));

        Assert.Equal(404, unknown);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Equal(404, invalid);
    }

    [Fact]
    public async Task GivenOpenAndResolvedAlarms_WhenSearchedByPatientAndStatus_ThenTheBundleHasTheMatchingFlagsNewestFirstInPages()
    {
        var patient = Seed.NewPatient();
        var episodes = Enumerable.Range(0, 3)
            .Select(i => Episode(patient, $"ep-s{i}-{Guid.NewGuid():N}"[..20], Seed.T0.AddMinutes(i * 10), AlarmPriority.Medium)).ToList();
        foreach (var e in episodes)
        {
            await StoreAsync(new AlarmRaised(e.EpisodeId + "-r", e, e.RaisedAt, "", []));
        }

        var resolved = episodes[0] with { Status = AlarmStatus.Resolved, ResolvedAt = Seed.T0.AddMinutes(5), ConditionActive = false };
        await StoreAsync(new AlarmResolved(resolved.EpisodeId + "-x", resolved, Seed.T0.AddMinutes(5), "cleared"));

        var (_, active) = await api.GetAsync($"/fhir/Flag?patient={patient}&status=active");
        var (_, inactive) = await api.GetAsync($"/fhir/Flag?patient=Patient/{patient}&status=inactive");
        var (_, first) = await api.GetAsync($"/fhir/Flag?patient={patient}&_count=2&_sort=-date");
        var (_, second) = await api.GetAsync(Bundles.PathOf(Bundles.Link(first, "next")!));
        var (_, windowed) = await api.GetAsync($"/fhir/Flag?patient={patient}&date=ge{Seed.T0.AddMinutes(6):yyyy-MM-ddTHH:mm:ssZ}");

        Assert.Equal([episodes[2].EpisodeId, episodes[1].EpisodeId], Bundles.Ids(active));
        Assert.Equal([episodes[0].EpisodeId], Bundles.Ids(inactive));
        Assert.Equal("inactive", Bundles.Resources(inactive)[0].GetProperty("status").GetString());
        Assert.Equal([episodes[2].EpisodeId, episodes[1].EpisodeId], Bundles.Ids(first));
        Assert.Equal([episodes[0].EpisodeId], Bundles.Ids(second));
        Assert.Null(Bundles.Link(second, "next"));
        Assert.Equal([episodes[2].EpisodeId, episodes[1].EpisodeId], Bundles.Ids(windowed));
    }

    [Theory]
    [InlineData("status=cancelled")]
    [InlineData("date=ne2026-01-01")]
    [InlineData("_count=-1")]
    [InlineData("_cursor=%%%")]
    public async Task GivenAnInvalidSearchParameter_WhenSearched_Then400OperationOutcome(string query)
    {
        var (status, outcome) = await api.GetAsync("/fhir/Flag?" + query);

        Assert.Equal(400, status);
        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
    }

    [Theory]
    [InlineData(AlarmPriority.High)]
    [InlineData(AlarmPriority.Medium)]
    [InlineData(AlarmPriority.Low)]
    public void GivenAPriority_WhenCodedForFhirAndForTheWire_ThenBothUseTheSameFlagPriorityCode(AlarmPriority priority)
    {
        var fhir = FlagMapper.PriorityCode(priority);

        Assert.Equal(FlagPriority.CodeOf(priority), fhir);
        Assert.Equal(FlagPriority.System, AlarmFhirCodes.FlagPrioritySystem);
    }

    internal static string? PriorityCode(JsonElement flag) => flag.GetProperty("extension").EnumerateArray()
        .Where(e => e.GetProperty("url").GetString() == AlarmFhirCodes.FlagPriorityExtension)
        .Select(e => e.GetProperty("valueCodeableConcept").GetProperty("coding")[0].GetProperty("code").GetString()).SingleOrDefault();

    private Task StoreAsync(AlarmEvent alarmEvent) =>
        api.Alarms.WriteAsync(
            [new AlarmEventRecord(alarmEvent, AlarmEventCodec.TypeOf(alarmEvent), new WardId("ward-f"), new BedId("bed-f"), AlarmEventCodec.Encode(alarmEvent))],
            TestContext.Current.CancellationToken);

    private static AlarmEpisode Episode(PatientId patient, string id, DateTimeOffset raisedAt, AlarmPriority priority) => new(
        id, "limit.spo2", 1, patient, AlarmCategory.Physiological, priority, "OxygenSaturationLow", Latching: false,
        AlarmStatus.Raised, raisedAt.AddSeconds(-10), raisedAt, ConditionActive: true, EscalationLevel: 0, raisedAt, null, null, null, null);
}

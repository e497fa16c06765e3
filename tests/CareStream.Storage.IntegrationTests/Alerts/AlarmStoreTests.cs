using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Storage.Alerts;
using CareStream.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Alerts;

[Collection(StorageCollection.Name)]
public sealed class AlarmStoreTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly NpgsqlDataSource _dataSource = fixture.Services.GetRequiredService<NpgsqlDataSource>();
    private readonly AlarmEventWriter _writer = new(fixture.Services.GetRequiredService<NpgsqlDataSource>());
    private readonly AlarmQueries _queries = new(fixture.Services.GetRequiredService<NpgsqlDataSource>());

    [Fact]
    public async Task GivenAnEpisodesEvents_WhenTheBatchIsRedeliveredTwice_ThenEachEventIsStoredOnceAndTheStateIsTheNewest()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = SyntheticReadings.NewPatient();
        var alarm = new AlarmEvents(patient, T0);
        AlarmEventRecord[] batch =
        [
            AlarmEvents.Record(alarm.Raise("obs-1", "obs-2"), 10),
            AlarmEvents.Record(alarm.Acknowledge(T0.AddMinutes(1)), 11),
            AlarmEvents.Record(alarm.Resolve(T0.AddMinutes(2), alarm.Acknowledge(T0.AddMinutes(1)).Episode), 12),
        ];

        await _writer.WriteAsync(batch, ct);
        await _writer.WriteAsync(batch, ct);
        await _writer.WriteAsync(batch.Reverse().ToList(), ct);

        Assert.Equal(3, await CountAsync("alarm_event", alarm.EpisodeId));
        Assert.Equal(1, await CountAsync("alarm_episode", alarm.EpisodeId));
        var stored = await _queries.GetAsync(alarm.EpisodeId, ct);
        Assert.NotNull(stored);
        Assert.Equal(AlarmStatus.Resolved, stored.Episode.Status);
        Assert.Equal("nurse-7", stored.Episode.AcknowledgedBy);
        Assert.Equal(T0.AddMinutes(2), stored.Episode.ResolvedAt);
        Assert.Equal(["obs-1", "obs-2"], stored.EvidenceObservationIds);
        Assert.Equal(new WardId("ward-a"), stored.Ward);
        Assert.Equal("resolved", stored.LastEventKind);
    }

    [Fact]
    public async Task GivenALaterPublishedEventWithAnEarlierTime_WhenStored_ThenPublicationOrderWins()
    {
        var ct = TestContext.Current.CancellationToken;
        var alarm = new AlarmEvents(SyntheticReadings.NewPatient(), T0);

        // Escalation runs on wall time, the priority increase on data time: the later change carries the earlier time.
        await _writer.WriteAsync([AlarmEvents.Record(alarm.Raise(), 1), AlarmEvents.Record(alarm.Escalate(T0.AddMinutes(5)), 2)], ct);
        await _writer.WriteAsync([AlarmEvents.Record(alarm.IncreasePriority(T0.AddMinutes(4)), 3)], ct);

        var stored = await _queries.GetAsync(alarm.EpisodeId, ct);
        Assert.Equal(AlarmPriority.High, stored?.Episode.Priority);
        Assert.Equal(1, stored?.Episode.EscalationLevel);
    }

    [Fact]
    public async Task GivenAResolvedEpisode_WhenAnOlderOpenSnapshotArrivesFromAnotherPartition_ThenItStaysResolved()
    {
        var ct = TestContext.Current.CancellationToken;
        var alarm = new AlarmEvents(SyntheticReadings.NewPatient(), T0);

        await _writer.WriteAsync([AlarmEvents.Record(alarm.Resolve(T0.AddMinutes(1)), 5, partition: 1)], ct);
        await _writer.WriteAsync([AlarmEvents.Record(alarm.Acknowledge(T0.AddMinutes(3)), 900, partition: 2)], ct);

        var stored = await _queries.GetAsync(alarm.EpisodeId, ct);
        Assert.Equal(AlarmStatus.Resolved, stored?.Episode.Status);
        Assert.Equal(2, await CountAsync("alarm_event", alarm.EpisodeId));
    }

    [Fact]
    public async Task GivenOpenAndResolvedEpisodes_WhenSearchedInPages_ThenFiltersApplyAndEachAppearsOnceNewestFirst()
    {
        var ct = TestContext.Current.CancellationToken;
        var patient = SyntheticReadings.NewPatient();
        var alarms = Enumerable.Range(0, 5).Select(i => new AlarmEvents(patient, T0.AddMinutes(i * 10))).ToList();
        await _writer.WriteAsync(alarms.Select((a, i) => AlarmEvents.Record(a.Raise(), i)).ToList(), ct);
        await _writer.WriteAsync([AlarmEvents.Record(alarms[1].Resolve(T0.AddMinutes(12)), 10)], ct);

        var pages = new List<IReadOnlyList<StoredAlarm>>();
        string? cursor = null;
        do
        {
            var page = await _queries.SearchAsync(new AlarmSearch(patient, PageSize: 2, Cursor: cursor), ct);
            pages.Add(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        var active = await _queries.SearchAsync(new AlarmSearch(patient, Open: true), ct);
        var inactive = await _queries.SearchAsync(new AlarmSearch(patient, Open: false), ct);
        var window = await _queries.SearchAsync(new AlarmSearch(patient, From: T0.AddMinutes(13), To: T0.AddMinutes(25)), ct);

        Assert.Equal(3, pages.Count);
        Assert.Equal(alarms.Select(a => a.EpisodeId).Reverse(), pages.SelectMany(p => p).Select(a => a.Episode.EpisodeId));
        Assert.Equal(4, active.Items.Count);
        Assert.Equal([alarms[1].EpisodeId], inactive.Items.Select(a => a.Episode.EpisodeId));
        Assert.Equal([alarms[2].EpisodeId, alarms[0].EpisodeId], window.Items.Select(a => a.Episode.EpisodeId));
    }

    private async Task<long> CountAsync(string table, string episodeId)
    {
        await using var command = _dataSource.CreateCommand($"SELECT count(*) FROM {table} WHERE episode_id = @id");
        command.Parameters.AddWithValue("id", episodeId);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}

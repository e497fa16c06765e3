using CareStream.Domain.Alerts;
using CareStream.Live.Access;
using CareStream.Live.Hubs;
using CareStream.Live.Relay;
using CareStream.Messaging.Alerts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Live.UnitTests;

public sealed class SystemAlarmRelayTests
{
    private static readonly DateTimeOffset OutageStart = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly SystemAlarmBoard _board = new();
    private readonly AllClientsRecorder _hub = new();

    [Fact]
    public async Task GivenARunningRelay_WhenASystemAlarmIsRaisedAndResolved_ThenBothArePushedToAllConnections()
    {
        var ct = TestContext.Current.CancellationToken;
        using var relay = new SystemAlarmRelay(_board, _hub, NullLogger<SystemAlarmRelay>.Instance);
        await relay.StartAsync(ct);
        await WaitUntilAsync(() => _board.WatcherCount == 1, ct); // ExecuteAsync runs on a background thread

        _board.Report(Raised("ep-1"));
        _board.Report(Resolved("ep-1"));
        await WaitUntilAsync(() => _hub.SystemAlarms.Count >= 2, ct);
        await relay.StopAsync(ct);

        var pushed = _hub.SystemAlarms.ToArray();
        Assert.Equal([("raised", true), ("resolved", false)], pushed.Select(a => (a.Type, a.Open)));
        Assert.All(pushed, a => Assert.Equal(("ep-1", "KafkaUnreachable", "technical", "high"), (a.EpisodeId, a.Condition, a.Category, a.Priority)));
        Assert.Empty(_board.Open);
    }

    [Fact]
    public async Task GivenAnOpenSystemAlarm_WhenANurseFollowsHerWard_ThenTheSnapshotCarriesIt()
    {
        var access = new TableWardAccess();
        access.Wards["usr-anna"] = ["ward-1"];
        _board.Report(Raised("ep-1"));
        _board.Report(Raised("ep-2"));
        _board.Report(Resolved("ep-2"));
        var hub = new WardHub(
            new LiveWardState(Options.Create(new LiveOptions())), new WardFollowers(), access, _board, TimeProvider.System, NullLogger<WardHub>.Instance)
        {
            Context = new TestCallerContext("c-1", TableWardAccess.User("usr-anna")),
            Groups = new RecordingGroups(),
        };

        var snapshot = await hub.FollowWard("ward-1");
        var resumed = await hub.ResumeWard("ward-1", 0);

        Assert.Equal([("ep-1", true)], snapshot.SystemAlarms.Select(a => (a.EpisodeId, a.Open)));
        Assert.Equal(["ep-1"], resumed.Snapshot.SystemAlarms.Select(a => a.EpisodeId));
    }

    [Fact]
    public void GivenNoOpenEpisode_WhenAResolutionOrADuplicateRaiseIsReported_ThenTheBoardDoesNotChange()
    {
        _board.Report(Raised("ep-1"));

        var duplicate = _board.Report(Raised("ep-1"));
        var unknown = _board.Report(Resolved("ep-9"));

        Assert.False(duplicate);
        Assert.False(unknown);
        Assert.Equal(["ep-1"], _board.Open.Select(a => a.Episode.EpisodeId));
    }

    private static async Task WaitUntilAsync(Func<bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!done())
        {
            Assert.True(DateTime.UtcNow < deadline, "the relay did not push in time");
            await Task.Delay(20, ct);
        }
    }

    private static AlarmRaised Raised(string episodeId) =>
        new($"{episodeId}-raised", Episode(episodeId, AlarmStatus.Raised, null), OutageStart.AddSeconds(10), "synthetic outage", []);

    private static AlarmResolved Resolved(string episodeId) =>
        new($"{episodeId}-resolved", Episode(episodeId, AlarmStatus.Resolved, OutageStart.AddMinutes(1)), OutageStart.AddMinutes(1), "back");

    private static AlarmEpisode Episode(string episodeId, AlarmStatus status, DateTimeOffset? resolvedAt) =>
        new(episodeId, "pipeline-kafka-unreachable", 1, SystemAlarmBoard.SystemPatient, AlarmCategory.Technical, AlarmPriority.High,
            "KafkaUnreachable", Latching: false, status, OutageStart, OutageStart.AddSeconds(10), ConditionActive: resolvedAt is null,
            EscalationLevel: 0, OutageStart.AddSeconds(10), null, null, null, resolvedAt);
}

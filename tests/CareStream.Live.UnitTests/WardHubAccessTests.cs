using CareStream.Live.Access;
using CareStream.Live.Hubs;
using CareStream.Live.Relay;
using CareStream.Messaging.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Live.UnitTests;

public sealed class WardHubAccessTests
{
    private readonly TableWardAccess _access = new();
    private readonly WardFollowers _followers = new();
    private readonly RecordingGroups _groups = new();

    [Fact]
    public async Task GivenAWard1Nurse_WhenSheFollowsWard2_ThenNotPermittedWithoutDetailAndNoGroupJoin()
    {
        _access.Wards["usr-anna"] = ["ward-1"];
        var hub = Hub("c-1", "usr-anna");

        var error = await Assert.ThrowsAsync<HubException>(() => hub.FollowWard("ward-2"));
        var resume = await Assert.ThrowsAsync<HubException>(() => hub.ResumeWard("ward-2", 0));

        Assert.Equal(WardHub.NotPermitted, error.Message);
        Assert.Equal(WardHub.NotPermitted, resume.Message);
        Assert.Empty(_groups.Added);
        Assert.Empty(_followers.Snapshot());
    }

    [Fact]
    public async Task GivenAWard1Nurse_WhenSheFollowsWard1_ThenSheJoinsItsGroupAndIsRecordedUnderHerSubject()
    {
        _access.Wards["usr-anna"] = ["ward-1"];

        await Hub("c-1", "usr-anna").FollowWard("ward-1");

        Assert.Equal(["c-1|" + HubGroups.Ward("ward-1")], _groups.Added);
        Assert.Equal(["c-1"], _followers.ConnectionsOf("usr-anna"));
    }

    [Fact]
    public async Task GivenTwoFollowers_WhenOneIsUnassignedFromAWard_ThenTheSweepRemovesOnlyThatMembership()
    {
        _access.Wards["usr-anna"] = ["ward-1", "ward-2"];
        _access.Wards["usr-ben"] = ["ward-2"];
        await Hub("c-anna", "usr-anna").FollowWard("ward-1");
        await Hub("c-anna", "usr-anna").FollowWard("ward-2");
        await Hub("c-ben", "usr-ben").FollowWard("ward-2");
        _access.Wards["usr-anna"] = ["ward-1"];

        var removed = await Sweeper().SweepAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, removed);
        Assert.Equal(["c-anna|" + HubGroups.Ward("ward-2")], _groups.Removed);
        Assert.Equal(["ward-1"], _followers.Snapshot().Single(f => f.ConnectionId == "c-anna").Wards);
    }

    [Fact]
    public async Task GivenAFollowingConnection_WhenItDisconnects_ThenItIsForgotten()
    {
        _access.Wards["usr-anna"] = ["ward-1"];
        var hub = Hub("c-1", "usr-anna");
        await hub.FollowWard("ward-1");

        await hub.OnDisconnectedAsync(null);

        Assert.Empty(_followers.ConnectionsOf("usr-anna"));
        Assert.Equal(0, _followers.Count);
    }

    private WardHub Hub(string connectionId, string subject) =>
        new(new LiveWardState(Options.Create(new LiveOptions())), _followers, _access, new SystemAlarmBoard(), TimeProvider.System, NullLogger<WardHub>.Instance)
        {
            Context = new TestCallerContext(connectionId, TableWardAccess.User(subject)),
            Groups = _groups,
        };

    private WardAccessSweeper Sweeper() => new(
        _followers, _access, new RecordingHubContext(_groups), Options.Create(new LiveOptions()), TimeProvider.System,
        NullLogger<WardAccessSweeper>.Instance);
}

using CareStream.Auth.Access;
using CareStream.Live.Access;
using CareStream.Live.Relay;
using CareStream.Messaging.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace CareStream.Live.Hubs;

/// <summary>
/// Thin and typed: a connection follows wards and receives pushes; the relay does the sending. Hubs are transient, so
/// state lives in <see cref="LiveWardState"/> and <see cref="WardFollowers"/>. Every join asks <see cref="IWardAccess"/>
/// first (guide S4, S14): groups are not a security boundary and are not kept across reconnects, so a reconnecting
/// client re-joins through <see cref="FollowWard"/> or <see cref="ResumeWard"/> and is checked again.
/// </summary>
public sealed class WardHub(
    LiveWardState state,
    WardFollowers followers,
    IWardAccess access,
    SystemAlarmBoard systemAlarms,
    TimeProvider timeProvider,
    ILogger<WardHub> logger)
    : Hub<IWardClient>
{
    public const string Path = "/hubs/ward";

    /// <summary>The only answer to a ward the caller may not see: no detail, so nothing about the ward is revealed.</summary>
    public const string NotPermitted = "Not permitted";

    /// <summary>Joins the ward's group and returns the current snapshot, so the tiles fill at once.</summary>
    public async Task<WardSnapshot> FollowWard(string wardId)
    {
        await JoinAsync(wardId);
        return Snapshot(wardId);
    }

    /// <summary>
    /// Rejoins after a reconnect: returns every alarm change after <paramref name="afterSequence"/> exactly once, or
    /// says the gap is too old — and in both cases a fresh snapshot.
    /// </summary>
    public async Task<WardResume> ResumeWard(string wardId, long afterSequence)
    {
        await JoinAsync(wardId);
        var snapshot = Snapshot(wardId);
        var missed = state.AlarmsOf(wardId).After(afterSequence);
        return new WardResume(wardId, missed is null, missed?.Where(a => a.Sequence <= snapshot.Sequence).ToArray() ?? [], snapshot);
    }

    public Task UnfollowWard(string wardId)
    {
        followers.Unfollow(Context.ConnectionId, wardId);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        followers.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    // System alarms are read after the join: one changing meanwhile is also pushed (the client keys them by episode).
    private WardSnapshot Snapshot(string wardId) =>
        state.Snapshot(wardId, timeProvider.GetUtcNow()) with
        {
            SystemAlarms = [.. systemAlarms.Open.Select(SystemAlarmNotification.From)],
        };

    private async Task JoinAsync(string wardId)
    {
        if (string.IsNullOrWhiteSpace(wardId) || wardId.Length > 64)
        {
            throw new HubException("A ward id is required.");
        }

        var user = Context.User ?? throw new HubException(NotPermitted);
        var scope = await access.ScopeOfAsync(user, Context.ConnectionAborted);
        if (!scope.Allows(wardId))
        {
            Log.WardRefused(logger, Context.ConnectionId, wardId);
            throw new HubException(NotPermitted);
        }

        // Recorded before the join, so a sweep running in between sees the membership it may have to undo.
        followers.Follow(Context.ConnectionId, user, wardId);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
    }
}

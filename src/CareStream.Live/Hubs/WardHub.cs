using CareStream.Live.Relay;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.Hubs;

/// <summary>
/// Thin and typed: a connection follows wards and receives pushes; the relay does the sending.
/// Hubs are transient, so state lives in <see cref="LiveWardState"/>. Authorization arrives with the identity work;
/// the ward check belongs in <see cref="FollowWard"/> before the group join.
/// </summary>
public sealed class WardHub(LiveWardState state, TimeProvider timeProvider) : Hub<IWardClient>
{
    public const string Path = "/hubs/ward";

    /// <summary>Joins the ward's group and returns the current snapshot, so the tiles fill at once.</summary>
    public async Task<WardSnapshot> FollowWard(string wardId)
    {
        await JoinAsync(wardId);
        return state.Snapshot(wardId, timeProvider.GetUtcNow());
    }

    /// <summary>
    /// Rejoins after a reconnect: returns every alarm change after <paramref name="afterSequence"/> exactly once, or
    /// says the gap is too old — and in both cases a fresh snapshot.
    /// </summary>
    public async Task<WardResume> ResumeWard(string wardId, long afterSequence)
    {
        await JoinAsync(wardId);
        var snapshot = state.Snapshot(wardId, timeProvider.GetUtcNow());
        var missed = state.AlarmsOf(wardId).After(afterSequence);
        return new WardResume(wardId, missed is null, missed?.Where(a => a.Sequence <= snapshot.Sequence).ToArray() ?? [], snapshot);
    }

    private Task JoinAsync(string wardId)
    {
        if (string.IsNullOrWhiteSpace(wardId) || wardId.Length > 64)
        {
            throw new HubException("A ward id is required.");
        }

        // Group joins are re-made on every (re)connect: groups are not a security boundary and not kept by SignalR.
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
    }

    public Task UnfollowWard(string wardId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
}

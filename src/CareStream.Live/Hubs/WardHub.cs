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
        if (string.IsNullOrWhiteSpace(wardId) || wardId.Length > 64)
        {
            throw new HubException("A ward id is required.");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
        return new WardSnapshot(wardId, timeProvider.GetUtcNow(), state.Snapshot(wardId));
    }

    public Task UnfollowWard(string wardId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Ward(wardId), Context.ConnectionAborted);
}

using Microsoft.AspNetCore.SignalR;

namespace CareStream.Auth.IntegrationTests.Audit;

/// <summary>The ward hub's subscription methods by name; ward-9 is refused as WardHub refuses a foreign ward.</summary>
public sealed class StandInWardHub : Hub
{
    public const string ForeignWard = "ward-9";

    public string FollowWard(string wardId) =>
        wardId == ForeignWard ? throw new HubException("Not your ward.") : wardId;

    public string UnfollowWard(string wardId) => wardId;
}

namespace CareStream.Live.Hubs;

/// <summary>SignalR group names, built only from server-side ward ids.</summary>
public static class HubGroups
{
    public static string Ward(string wardId) => "ward:" + wardId;
}

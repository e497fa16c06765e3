namespace CareStream.Live.Hubs;

/// <summary>The calls the server makes on a dashboard connection (typed, not string method names).</summary>
public interface IWardClient
{
    Task VitalsUpdated(IReadOnlyList<VitalSignUpdate> updates);

    /// <summary>An alarm changed state; sent at once, never coalesced.</summary>
    Task AlarmChanged(AlarmNotification alarm);
}

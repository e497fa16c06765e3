namespace CareStream.Live.Hubs;

/// <summary>The calls the server makes on a dashboard connection (typed, not string method names).</summary>
public interface IWardClient
{
    Task VitalsUpdated(IReadOnlyList<VitalSignUpdate> updates);

    /// <summary>An alarm changed state; sent at once, never coalesced.</summary>
    Task AlarmChanged(AlarmNotification alarm);

    /// <summary>A bed's NEWS2 outcome changed (sent at once; changes are rare).</summary>
    Task News2Changed(News2Update score);

    /// <summary>A bed's "device sending without a patient" marker appeared or cleared.</summary>
    Task UnassociatedDeviceChanged(UnassociatedDeviceMarker marker);

    /// <summary>A ward-independent technical alarm (data pipeline unreachable) opened or closed; sent to every connection.</summary>
    Task SystemAlarmChanged(SystemAlarmNotification alarm);
}

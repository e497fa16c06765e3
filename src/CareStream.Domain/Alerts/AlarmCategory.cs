namespace CareStream.Domain.Alerts;

/// <summary>IEC 60601-1-8 kind of alarm condition. Values are stored, so never renumber.</summary>
public enum AlarmCategory
{
    /// <summary>Arises from a monitored patient variable (a vital sign beyond a limit, a NEWS2 trigger).</summary>
    Physiological = 1,

    /// <summary>Arises from the equipment or the data path (no data, sensor off, unassociated device).</summary>
    Technical = 2,
}

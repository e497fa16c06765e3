namespace CareStream.Rules.Alerts;

/// <summary>A signal-quality condition a device reports for one of its parameters (a technical alarm source).</summary>
public enum DeviceSignalCondition
{
    /// <summary>The signal is good again; clears an earlier report.</summary>
    Normal = 0,

    /// <summary>Sensor or lead off (e.g. SpO₂ probe off the finger).</summary>
    SensorOff = 1,

    /// <summary>The device flags the signal as invalid (artefact, low perfusion).</summary>
    InvalidSignal = 2,
}

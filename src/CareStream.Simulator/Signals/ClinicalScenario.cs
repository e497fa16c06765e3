namespace CareStream.Simulator.Signals;

/// <summary>What a simulated bed's patient is doing. Values and time courses are illustrative, not patient data.</summary>
public enum ClinicalScenario
{
    Stable,
    SepsisDeterioration,
    AcuteDesaturation,
    Bradycardia,
    Tachycardia,
    Hypotension,
    Fever,
    SensorOff,
    DeviceSilent,
}

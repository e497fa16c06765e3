namespace CareStream.Rules.News2;

/// <summary>The seven NEWS2 Chart 1 parameters.</summary>
public enum News2Parameter
{
    RespirationRate = 1,
    OxygenSaturation = 2,
    AirOrOxygen = 3,
    SystolicBloodPressure = 4,
    Pulse = 5,
    Consciousness = 6,
    Temperature = 7,
}

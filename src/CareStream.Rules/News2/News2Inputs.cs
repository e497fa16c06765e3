namespace CareStream.Rules.News2;

/// <summary>
/// One value per NEWS2 parameter at one scoring time; null means missing (the score is then incomplete, never
/// zero-filled). Values are in canonical units: /min, %, mm[Hg], Cel.
/// </summary>
/// <param name="RespirationRate">Respiration rate (/min).</param>
/// <param name="OxygenSaturation">SpO₂ (%).</param>
/// <param name="OnSupplementalOxygen">Charted: true = oxygen, false = air.</param>
/// <param name="SystolicBloodPressure">Systolic BP (mmHg).</param>
/// <param name="Pulse">Pulse (/min).</param>
/// <param name="Consciousness">Charted ACVPU.</param>
/// <param name="Temperature">Temperature (°C).</param>
/// <param name="SpO2Scale">Scale 1 by default; Scale 2 only when prescribed for the patient.</param>
/// <param name="PopulationNotValidated">
/// True for under-16s or pregnancy, where the RCP says NEWS2 is not validated; the score is still computed and
/// the flag is carried to the result.
/// </param>
public sealed record News2Inputs(
    double? RespirationRate,
    double? OxygenSaturation,
    bool? OnSupplementalOxygen,
    double? SystolicBloodPressure,
    double? Pulse,
    Consciousness? Consciousness,
    double? Temperature,
    SpO2Scale SpO2Scale = SpO2Scale.Scale1,
    bool PopulationNotValidated = false);

namespace CareStream.Rules.News2;

/// <summary>
/// The NEWS2 inputs that are not device vitals: they come from nurse charting or ADT, as the current charted state.
/// </summary>
/// <param name="OnSupplementalOxygen">True = oxygen, false = air, null = not charted.</param>
/// <param name="Consciousness">ACVPU, null = not charted.</param>
/// <param name="SpO2Scale">Scale 2 only when explicitly prescribed for this patient.</param>
/// <param name="PopulationNotValidated">Under-16 or pregnant (RCP: NEWS2 not validated there).</param>
public sealed record ChartingInputs(
    bool? OnSupplementalOxygen,
    Consciousness? Consciousness,
    SpO2Scale SpO2Scale = SpO2Scale.Scale1,
    bool PopulationNotValidated = false)
{
    /// <summary>Nothing charted yet: Scale 1, air/oxygen and consciousness unknown.</summary>
    public static ChartingInputs None { get; } = new(null, null);
}

using CareStream.Rules.News2;

namespace CareStream.Alerting.Commands;

/// <summary>
/// Newly charted NEWS2 inputs; a null field keeps its charted value (so a dashboard can toggle oxygen alone).
/// </summary>
/// <param name="OnOxygen">True = supplemental oxygen, false = air.</param>
/// <param name="Consciousness">ACVPU.</param>
/// <param name="SpO2Scale">Scale 2 only when prescribed (hypercapnic respiratory failure, target 88–92 %).</param>
public sealed record ChartingUpdate(bool? OnOxygen, Consciousness? Consciousness, SpO2Scale? SpO2Scale)
{
    /// <summary>True when the update charts nothing.</summary>
    public bool IsEmpty => OnOxygen is null && Consciousness is null && SpO2Scale is null;

    /// <summary>The charted state after this update.</summary>
    public ChartingInputs ApplyTo(ChartingInputs current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current with
        {
            OnSupplementalOxygen = OnOxygen ?? current.OnSupplementalOxygen,
            Consciousness = Consciousness ?? current.Consciousness,
            SpO2Scale = SpO2Scale ?? current.SpO2Scale,
        };
    }
}

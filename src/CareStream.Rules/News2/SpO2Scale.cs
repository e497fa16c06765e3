namespace CareStream.Rules.News2;

/// <summary>NEWS2 SpO₂ scale (RCP 2017, Chart 1). Scale 2 only when explicitly prescribed for the patient.</summary>
public enum SpO2Scale
{
    /// <summary>Default scale (also the original NEWS scale).</summary>
    Scale1 = 1,

    /// <summary>Hypercapnic respiratory failure with a prescribed target of 88–92 %; a recorded clinical decision.</summary>
    Scale2 = 2,
}

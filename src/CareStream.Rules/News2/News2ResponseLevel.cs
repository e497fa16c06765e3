namespace CareStream.Rules.News2;

/// <summary>NEWS2 clinical risk (RCP 2017, Chart 3). Ordered: a larger value is more urgent.</summary>
public enum News2ResponseLevel
{
    /// <summary>Aggregate 0–4 and no single parameter scoring 3: ward-based response.</summary>
    Low = 1,

    /// <summary>Aggregate 0–4 with a single parameter scoring 3: urgent ward-based response.</summary>
    LowMedium = 2,

    /// <summary>Aggregate 5–6: key threshold for urgent response.</summary>
    Medium = 3,

    /// <summary>Aggregate 7 or more: urgent or emergency response.</summary>
    High = 4,
}

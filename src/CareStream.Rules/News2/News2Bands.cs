namespace CareStream.Rules.News2;

/// <summary>
/// NEWS2 Chart 1 bands (Royal College of Physicians, National Early Warning Score 2, December 2017).
/// Banding method (ADR 2611): round to the chart's precision first — integers for respiration rate, SpO₂,
/// systolic BP and pulse; one decimal for temperature — with <see cref="MidpointRounding.AwayFromZero"/>
/// (clinical "round half up"; all values are positive), then apply the chart's closed integer / one-decimal bands.
/// Rounding goes through <see cref="decimal"/> so binary noise (35.05 stored as 35.0499…) cannot move an edge.
/// After rounding every value falls in exactly one band: the bands are gap-free by construction.
/// </summary>
public static class News2Bands
{
    /// <summary>Rounds a vital to an integer, half away from zero.</summary>
    public static decimal RoundToInteger(double value) => Math.Round((decimal)value, 0, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a temperature to one decimal, half away from zero.</summary>
    public static decimal RoundToTenth(double value) => Math.Round((decimal)value, 1, MidpointRounding.AwayFromZero);

    /// <summary>RR ≤8 → 3; 9–11 → 1; 12–20 → 0; 21–24 → 2; ≥25 → 3.</summary>
    public static int RespirationRate(double perMinute) => RoundToInteger(perMinute) switch
    {
        <= 8m => 3,
        <= 11m => 1,
        <= 20m => 0,
        <= 24m => 2,
        _ => 3,
    };

    /// <summary>Scale 1: ≤91 → 3; 92–93 → 2; 94–95 → 1; ≥96 → 0.</summary>
    public static int SpO2Scale1(double percent) => RoundToInteger(percent) switch
    {
        <= 91m => 3,
        <= 93m => 2,
        <= 95m => 1,
        _ => 0,
    };

    /// <summary>
    /// Scale 2: ≤83 → 3; 84–85 → 2; 86–87 → 1; 88–92 → 0; ≥93 on air → 0; on oxygen 93–94 → 1, 95–96 → 2, ≥97 → 3.
    /// </summary>
    public static int SpO2Scale2(double percent, bool onOxygen) => RoundToInteger(percent) switch
    {
        <= 83m => 3,
        <= 85m => 2,
        <= 87m => 1,
        <= 92m => 0,
        _ when !onOxygen => 0,
        <= 94m => 1,
        <= 96m => 2,
        _ => 3,
    };

    /// <summary>Air → 0; oxygen → 2.</summary>
    public static int AirOrOxygen(bool onOxygen) => onOxygen ? 2 : 0;

    /// <summary>SBP ≤90 → 3; 91–100 → 2; 101–110 → 1; 111–219 → 0; ≥220 → 3.</summary>
    public static int SystolicBloodPressure(double mmHg) => RoundToInteger(mmHg) switch
    {
        <= 90m => 3,
        <= 100m => 2,
        <= 110m => 1,
        <= 219m => 0,
        _ => 3,
    };

    /// <summary>Pulse ≤40 → 3; 41–50 → 1; 51–90 → 0; 91–110 → 1; 111–130 → 2; ≥131 → 3.</summary>
    public static int Pulse(double perMinute) => RoundToInteger(perMinute) switch
    {
        <= 40m => 3,
        <= 50m => 1,
        <= 90m => 0,
        <= 110m => 1,
        <= 130m => 2,
        _ => 3,
    };

    /// <summary>Alert → 0; new confusion, voice, pain or unresponsive → 3.</summary>
    public static int Consciousness(Consciousness level) => level == News2.Consciousness.Alert ? 0 : 3;

    /// <summary>Temperature ≤35.0 → 3; 35.1–36.0 → 1; 36.1–38.0 → 0; 38.1–39.0 → 1; ≥39.1 → 2.</summary>
    public static int Temperature(double celsius) => RoundToTenth(celsius) switch
    {
        <= 35.0m => 3,
        <= 36.0m => 1,
        <= 38.0m => 0,
        <= 39.0m => 1,
        _ => 2,
    };
}

using CareStream.Domain.Vitals;

namespace CareStream.Simulator.Signals;

/// <summary>
/// Clinically plausible numerics for a scenario at a point in its time course. Pure: the same
/// (scenario, seed, bed, elapsed) always gives the same values. Absent values (sensor off) are null.
/// </summary>
public static class VitalSignModel
{
    /// <summary>Sepsis deteriorates over this span, then plateaus.</summary>
    private static readonly TimeSpan SepsisCourse = TimeSpan.FromHours(4);

    /// <summary>Acute desaturation starts after this much stable data.</summary>
    private static readonly TimeSpan DesaturationOnset = TimeSpan.FromMinutes(2);

    /// <summary>A silent device sends for this long, then stops.</summary>
    public static readonly TimeSpan SilentAfter = TimeSpan.FromMinutes(1);

    public static double? ValueOf(VitalSignKind kind, ClinicalScenario scenario, int seed, int bed, TimeSpan elapsed)
    {
        if (scenario == ClinicalScenario.SensorOff && kind is VitalSignKind.OxygenSaturation or VitalSignKind.PulseRate)
        {
            return null;
        }

        var (baseline, spread, decimals) = Baseline(kind, scenario, elapsed);
        var tick = (long)elapsed.TotalSeconds;
        var noise = SeededNoise.Uniform(seed, bed * 16 + (int)kind, tick) * spread;
        var value = Math.Round(baseline + noise, decimals, MidpointRounding.AwayFromZero);
        return kind == VitalSignKind.OxygenSaturation ? Math.Min(100, value) : value;
    }

    private static (double Baseline, double Spread, int Decimals) Baseline(
        VitalSignKind kind, ClinicalScenario scenario, TimeSpan elapsed)
    {
        var sepsis = scenario == ClinicalScenario.SepsisDeterioration
            ? Math.Min(1.0, elapsed / SepsisCourse)
            : 0.0;
        var desaturation = scenario == ClinicalScenario.AcuteDesaturation && elapsed > DesaturationOnset
            ? Math.Min(1.0, (elapsed - DesaturationOnset).TotalSeconds / 60.0)
            : 0.0;

        return kind switch
        {
            VitalSignKind.HeartRate or VitalSignKind.PulseRate => (scenario switch
            {
                ClinicalScenario.Bradycardia => 38,
                ClinicalScenario.Tachycardia => 136,
                ClinicalScenario.Fever => 104,
                ClinicalScenario.Hypotension => 98,
                _ => Lerp(74, 126, sepsis) + 12 * desaturation,
            }, 2, 0),
            VitalSignKind.OxygenSaturation => (Lerp(97, 92, sepsis) - 13 * desaturation, 0.8, 0),
            VitalSignKind.RespiratoryRate => (Lerp(15, 28, sepsis) + 8 * desaturation, 1, 0),
            VitalSignKind.BodyTemperature => (scenario == ClinicalScenario.Fever ? 39.4 : Lerp(36.8, 39.3, sepsis), 0.1, 1),
            VitalSignKind.SystolicBloodPressure => (scenario == ClinicalScenario.Hypotension ? 84 : Lerp(122, 88, sepsis), 3, 0),
            VitalSignKind.DiastolicBloodPressure => (scenario == ClinicalScenario.Hypotension ? 48 : Lerp(76, 52, sepsis), 2, 0),
            VitalSignKind.MeanBloodPressure => (scenario == ClinicalScenario.Hypotension ? 60 : Lerp(91, 64, sepsis), 2, 0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a simulated vital sign."),
        };
    }

    private static double Lerp(double from, double to, double fraction) => from + (to - from) * fraction;
}

using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;

namespace CareStream.Rules.News2;

/// <summary>
/// Picks the NEWS2 inputs from a window: the latest valid reading per parameter within the freshness window
/// (never a sum or mean of several sources), plus the charted air/oxygen, ACVPU and SpO₂ scale.
/// Pulse is the latest of pulse rate and heart rate, whichever is newer.
/// </summary>
public static class News2InputSelector
{
    /// <summary>The inputs and the readings they came from (for FHIR <c>derivedFrom</c> / evidence).</summary>
    public static (News2Inputs Inputs, IReadOnlyList<VitalSignReading> Used) Select(
        PatientVitalsWindow window, TimeSpan freshness)
    {
        ArgumentNullException.ThrowIfNull(window);
        var used = new List<VitalSignReading>();

        double? Take(params VitalSignKind[] kinds)
        {
            var latest = kinds
                .Select(k => window.LatestFresh(k, freshness))
                .Where(r => r is not null)
                .Select(r => r!.Value)
                .OrderByDescending(r => r.EffectiveAt)
                .Cast<VitalSignReading?>()
                .FirstOrDefault();
            if (latest is { } reading)
            {
                used.Add(reading);
                return reading.Value;
            }

            return null;
        }

        var charting = window.Charting;
        var inputs = new News2Inputs(
            Take(VitalSignKind.RespiratoryRate),
            Take(VitalSignKind.OxygenSaturation),
            charting.OnSupplementalOxygen,
            Take(VitalSignKind.SystolicBloodPressure),
            Take(VitalSignKind.PulseRate, VitalSignKind.HeartRate),
            charting.Consciousness,
            Take(VitalSignKind.BodyTemperature),
            charting.SpO2Scale,
            charting.PopulationNotValidated);
        return (inputs, used);
    }
}

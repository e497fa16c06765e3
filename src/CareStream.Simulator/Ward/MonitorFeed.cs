using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;
using CareStream.Simulator.Signals;

namespace CareStream.Simulator.Ward;

/// <summary>
/// What one simulated multiparameter monitor sends at one instant: its numerics every reading interval and an
/// NIBP panel every NIBP cycle, each as the device-style Observation bedside adapters publish. Pure.
/// </summary>
public static class MonitorFeed
{
    private static readonly (VitalSignKind Kind, int Mdc)[] Numerics =
    [
        (VitalSignKind.HeartRate, Mdc.EcgHeartRate),
        (VitalSignKind.PulseRate, Mdc.PulseOximeterPulseRate),
        (VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation),
        (VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate),
        (VitalSignKind.BodyTemperature, Mdc.BodyTemperature),
    ];

    /// <summary>The Observations (as JSON bytes) the bed's monitor sends at <paramref name="elapsed"/> into the run.</summary>
    public static IEnumerable<byte[]> ObservationsAt(
        SimulatedBed bed, SimulatorOptions options, DateTimeOffset effectiveAt, TimeSpan elapsed, bool nibpDue)
    {
        ArgumentNullException.ThrowIfNull(bed);
        ArgumentNullException.ThrowIfNull(options);
        if (bed.Scenario == ClinicalScenario.DeviceSilent && elapsed > VitalSignModel.SilentAfter)
        {
            yield break;
        }

        foreach (var (kind, mdc) in Numerics)
        {
            if (VitalSignModel.ValueOf(kind, bed.Scenario, options.Seed, bed.Index, elapsed) is { } value)
            {
                yield return DeviceObservationWriter.ToUtf8Bytes(
                    bed.Monitor, effectiveAt, ObservationStatus.Preliminary, [new DeviceMeasurement(kind, mdc, value)]);
            }
        }

        if (nibpDue)
        {
            yield return DeviceObservationWriter.ToUtf8Bytes(bed.Monitor, effectiveAt, ObservationStatus.Preliminary,
            [
                Measure(bed, options, elapsed, VitalSignKind.SystolicBloodPressure, Mdc.NonInvasiveSystolic),
                Measure(bed, options, elapsed, VitalSignKind.DiastolicBloodPressure, Mdc.NonInvasiveDiastolic),
                Measure(bed, options, elapsed, VitalSignKind.MeanBloodPressure, Mdc.NonInvasiveMean),
            ]);
        }
    }

    private static DeviceMeasurement Measure(SimulatedBed bed, SimulatorOptions options, TimeSpan elapsed, VitalSignKind kind, int mdc) =>
        new(kind, mdc, VitalSignModel.ValueOf(kind, bed.Scenario, options.Seed, bed.Index, elapsed) ?? 0);
}

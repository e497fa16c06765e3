using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Terminology;

namespace CareStream.Bench.Load;

/// <summary>
/// One of the six device messages a bed sends every second: five single numerics and the arterial BP panel — the
/// eight readings per bed per second of performance.md (values in the normal range, no alarm unless injected).
/// </summary>
public sealed record ReadingStream(string Name, (VitalSignKind Kind, int Mdc, double Normal)[] Kinds)
{
    public static readonly ReadingStream HeartRate = new("HR", [(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72)]);

    public static IReadOnlyList<ReadingStream> All { get; } =
    [
        HeartRate,
        new("PR", [(VitalSignKind.PulseRate, Mdc.PulseOximeterPulseRate, 72)]),
        new("SpO2", [(VitalSignKind.OxygenSaturation, Mdc.PulseOximeterSaturation, 97)]),
        new("RR", [(VitalSignKind.RespiratoryRate, Mdc.RespiratoryRate, 16)]),
        new("Temp", [(VitalSignKind.BodyTemperature, Mdc.BodyTemperature, 36.8)]),
        new("ABP", [
            (VitalSignKind.SystolicBloodPressure, Mdc.ArterialSystolic, 122),
            (VitalSignKind.DiastolicBloodPressure, Mdc.ArterialDiastolic, 78),
            (VitalSignKind.MeanBloodPressure, Mdc.ArterialMean, 93)]),
    ];

    /// <summary>The measurements of this message; <paramref name="override"/> replaces the first value (alarm injection).</summary>
    public DeviceMeasurement[] Measurements(int bed, long second, double? @override = null)
    {
        var wobble = (bed + second) % 3 - 1; // small, deterministic: the tiles move, no rule fires
        var measurements = new DeviceMeasurement[Kinds.Length];
        for (var i = 0; i < Kinds.Length; i++)
        {
            var (kind, mdc, normal) = Kinds[i];
            var value = i == 0 && @override is { } forced ? forced : normal + (kind == VitalSignKind.BodyTemperature ? wobble * 0.1 : wobble);
            measurements[i] = new DeviceMeasurement(kind, mdc, value);
        }

        return measurements;
    }
}

using BenchmarkDotNet.Attributes;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;

namespace CareStream.Benchmarks;

/// <summary>Rule evaluation per reading for one patient with the shipped default rule set (limits, NEWS2, technical).</summary>
[MemoryDiagnoser]
public class AlarmTrackerBenchmarks
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly VitalSignKind[] Kinds =
    [
        VitalSignKind.HeartRate, VitalSignKind.PulseRate, VitalSignKind.OxygenSaturation, VitalSignKind.RespiratoryRate,
        VitalSignKind.BodyTemperature,
    ];

    private PatientAlarmTracker _tracker = null!;
    private long _tick;

    [GlobalSetup]
    public void Setup() =>
        _tracker = PatientAlarmTracker.ForRuleSet(new PatientId("sim-42-0001"), DefaultRuleSet.Create("ward-1"));

    [Benchmark(Description = "Tracker.OnReading (normal values, default rule set)")]
    public int OnReading()
    {
        var tick = _tick++;
        var at = Start.AddSeconds(tick / Kinds.Length);
        var kind = Kinds[tick % Kinds.Length];
        var value = kind switch
        {
            VitalSignKind.OxygenSaturation => 97,
            VitalSignKind.RespiratoryRate => 15,
            VitalSignKind.BodyTemperature => 36.8,
            _ => 72,
        };
        var reading = new VitalSignReading("0000000000000001", new PatientId("sim-42-0001"), new DeviceId("monitor-1-01"), kind, 0, value, at, ObservationStatus.Preliminary);
        return _tracker.OnReading(reading, at).Count;
    }
}

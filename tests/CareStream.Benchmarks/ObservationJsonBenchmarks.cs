using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Fhir.Mapping;
using CareStream.Fhir.Terminology;
using Hl7.Fhir.Model;

namespace CareStream.Benchmarks;

/// <summary>
/// The per-reading JSON costs on the hot path, beside the Firely POCO parse of the same bytes (the baseline the
/// design avoids): ratios hold across noisy machines, absolute figures do not.
/// </summary>
[MemoryDiagnoser]
public class ObservationJsonBenchmarks
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly List<VitalSignReading> _buffer = new(4);
    private byte[] _device = [];
    private byte[] _canonical = [];
    private VitalSignReading[] _readings = [];
    private DeviceObservationParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _device = DeviceObservationWriter.ToUtf8Bytes(
            new DeviceId("monitor-1-01"), At, Domain.Vitals.ObservationStatus.Preliminary,
            [new DeviceMeasurement(VitalSignKind.HeartRate, Mdc.EcgHeartRate, 72)]);
        _parser = new DeviceObservationParser(TimeProvider.System);
        _readings = [.. _parser.Parse(_device, At).Readings.Select(r => r.ToVitalSignReading(new PatientId("sim-42-0001")))];
        _canonical = CanonicalObservationWriter.ToUtf8Bytes(_readings);
    }

    [Benchmark(Baseline = true, Description = "Firely POCO parse (canonical JSON)")]
    public Observation FirelyParse() => JsonSerializer.Deserialize<Observation>(_canonical, FhirJson.Options)!;

    [Benchmark(Description = "Device payload parse + checks (ingress)")]
    public int ParseDevicePayload() => _parser.Parse(_device, At).Readings.Count;

    [Benchmark(Description = "Canonical read (store/rules/live)")]
    public int ReadCanonical()
    {
        _buffer.Clear();
        return CanonicalObservationReader.Read(_canonical, _buffer);
    }

    [Benchmark(Description = "Canonical write (normalizer)")]
    public int WriteCanonical() => CanonicalObservationWriter.ToUtf8Bytes(_readings).Length;
}

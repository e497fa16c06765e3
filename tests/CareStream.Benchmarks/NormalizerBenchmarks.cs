using BenchmarkDotNet.Attributes;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Ingress;
using CareStream.Ingestion.Normalization;
using CareStream.Messaging.Registry;

namespace CareStream.Benchmarks;

/// <summary>
/// The normalizer's whole per-message step without Kafka: parse + profile checks + unit conversion + plausibility +
/// device→patient lookup at the effective time + deterministic id + canonical JSON write, over one bed-second of
/// traffic (6 messages, 8 readings) from a 1,000-bed registry. Readings/s per core = 8 × 10⁹ / (ns per operation).
/// </summary>
[MemoryDiagnoser]
public class NormalizerBenchmarks
{
    private const int Beds = 1_000;
    private byte[][] _messages = [];
    private ReadingNormalizer _normalizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new RegistryDirectory();
        for (var bed = 0; bed < Beds; bed++)
        {
            registry.Apply(NormalizerWorkload.Assignment(bed));
        }

        _normalizer = new ReadingNormalizer(new DeviceObservationParser(TimeProvider.System), registry, (_, _) => Task.FromResult(false));
        _messages = [.. NormalizerWorkload.Messages(Beds / 2, 30)];
    }

    [Benchmark(Description = "Normalize one bed-second (6 messages, 8 readings)")]
    public int NormalizeBedSecond()
    {
        var bytes = 0;
        foreach (var message in _messages)
        {
            var pending = _normalizer.NormalizeAsync(message, TimeSpan.Zero, CancellationToken.None);
            var result = pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("A device was not associated.");
            foreach (var normalized in result.Messages)
            {
                bytes += CanonicalObservationWriter.ToUtf8Bytes(normalized.Readings).Length;
            }
        }

        return bytes;
    }
}

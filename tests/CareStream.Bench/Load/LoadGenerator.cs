using System.Collections.Concurrent;
using CareStream.Bench.Measuring;
using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Messaging;
using Confluent.Kafka;

namespace CareStream.Bench.Load;

/// <summary>
/// Paced open-loop device load: every bed sends its six messages (eight readings) once a second, beds spread evenly
/// over the second in 10 ms slots. Each message's effective time is its publish time (ms), so a receiver anywhere in
/// the pipeline measures latency from publish. A late generator catches up on missed slots rather than skipping them.
/// </summary>
public sealed class LoadGenerator(IReadOnlyList<BenchBed> beds, RunClock clock, PublishedLedger ledger, int alarmCrossings, TimeSpan warmUp)
{
    private const int SlotsPerSecond = 100;
    private readonly ConcurrentQueue<AlarmInjection> _injections = new();
    private readonly long[] _lastEffectiveMs = new long[beds.Count];
    private readonly ConcurrentDictionary<int, long> _publishedPerSecond = new();

    public IReadOnlyList<AlarmInjection> Injections => [.. _injections];

    /// <summary>Readings handed to the producer per run second.</summary>
    public IReadOnlyDictionary<int, long> PublishedPerSecond => _publishedPerSecond;

    public async Task RunAsync(IProducer<string, byte[]> producer, string topic, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(producer);
        var crossings = PlanCrossings(duration);
        var totalSlots = (long)(duration.TotalSeconds * SlotsPerSecond);
        for (long slot = 0; slot < totalSlots && !cancellationToken.IsCancellationRequested; slot++)
        {
            var due = clock.Start + TimeSpan.FromMilliseconds(slot * 1000.0 / SlotsPerSecond);
            var wait = due - clock.Now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            var second = slot / SlotsPerSecond;
            for (var b = (int)(slot % SlotsPerSecond); b < beds.Count; b += SlotsPerSecond)
            {
                Publish(producer, topic, beds[b], second, crossings.Contains((second, b)));
            }
        }

        producer.Flush(TimeSpan.FromSeconds(30));
    }

    private void Publish(IProducer<string, byte[]> producer, string topic, BenchBed bed, long second, bool cross)
    {
        var now = clock.Now.ToUnixTimeMilliseconds();
        var effectiveMs = Math.Max(now, _lastEffectiveMs[bed.Index] + 1);
        _lastEffectiveMs[bed.Index] = effectiveMs;
        var effectiveAt = DateTimeOffset.FromUnixTimeMilliseconds(effectiveMs);
        var device = new DeviceId(bed.Device);
        foreach (var stream in ReadingStream.All)
        {
            var crossing = cross && stream == ReadingStream.HeartRate;
            var value = DeviceObservationWriter.ToUtf8Bytes(
                device, effectiveAt, ObservationStatus.Final, stream.Measurements(bed.Index, second, crossing ? AlarmInjection.CrossingValue : null));
            var message = new PublishedMessage(bed.Index, effectiveMs, stream);
            producer.Produce(topic, new Message<string, byte[]> { Key = bed.Device, Value = value, Headers = KafkaHeaders.CreateFhirJson() }, report =>
            {
                if (report.Error.IsError)
                {
                    ledger.DeliveryFailed();
                }
                else
                {
                    ledger.Acknowledged(message);
                }
            });
            _publishedPerSecond.AddOrUpdate((int)second, stream.Kinds.Length, (_, n) => n + stream.Kinds.Length);
            if (crossing)
            {
                _injections.Enqueue(new AlarmInjection(bed.Index, bed.Patient, effectiveAt));
            }
        }
    }

    /// <summary>
    /// The requested number of crossings, evenly spaced from the warm-up to 2 s before the end, on beds taken in
    /// a stride of 7 (coprime with the ward sizes), so a bed crosses again only after every other bed did: its previous
    /// alarm has cleared and resolved by then, and each crossing raises exactly one new alarm.
    /// </summary>
    private HashSet<(long Second, int Bed)> PlanCrossings(TimeSpan duration)
    {
        var set = new HashSet<(long, int)>();
        var first = Math.Max(2, warmUp.TotalSeconds);
        var last = duration.TotalSeconds - 2;
        if (last <= first || alarmCrossings <= 0)
        {
            return set;
        }

        var step = (last - first) / alarmCrossings;
        for (var j = 0; j < alarmCrossings; j++)
        {
            var bed = (j * 7 + 3) % beds.Count;
            var second = (long)(first + j * step);
            // Two crossings of one bed in one second would be one reading: take the next second.
            while (!set.Add((second, bed)) && second < last)
            {
                second++;
            }
        }

        return set;
    }

    /// <summary>The default crossing count: one every 0.75 s between the warm-up and 2 s before the end.</summary>
    public static int DefaultCrossings(TimeSpan duration, TimeSpan warmUp) =>
        Math.Max(1, (int)((duration.TotalSeconds - 2 - Math.Max(2, warmUp.TotalSeconds)) / 0.75));
}

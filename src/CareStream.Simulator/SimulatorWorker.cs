using CareStream.Domain.Registry;
using CareStream.Messaging;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Registry;
using CareStream.Simulator.Ward;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Simulator;

/// <summary>
/// Runs the simulated ward: announces beds, patients and monitor associations on the assignments topic, then
/// publishes every monitor's Observations to the device ingress topic, keyed by device, on a steady clock.
/// </summary>
public sealed partial class SimulatorWorker(
    KafkaProducer producer,
    IOptions<SimulatorOptions> options,
    IOptions<KafkaOptions> kafka,
    TimeProvider timeProvider,
    ILogger<SimulatorWorker> logger) : BackgroundService
{
    /// <summary>Simulated patients have been in their beds since this instant (before any simulated reading).</summary>
    public static readonly DateTimeOffset AdmittedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private long _failed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var topics = kafka.Value.Topics;
        var beds = SimulatedWard.Build(settings);
        await AnnounceAsync(beds, topics.Assignments, stoppingToken);
        LogStarted(logger, beds.Count, settings.Seed, topics.DeviceObservations);

        var start = timeProvider.GetUtcNow();
        var nextNibp = TimeSpan.Zero;
        using var timer = new PeriodicTimer(settings.ReadingInterval, timeProvider);
        try
        {
            do
            {
                var now = timeProvider.GetUtcNow();
                var effectiveAt = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
                var elapsed = now - start;
                var nibpDue = elapsed >= nextNibp;
                if (nibpDue)
                {
                    nextNibp += settings.NibpInterval;
                }

                foreach (var bed in beds)
                {
                    foreach (var observation in MonitorFeed.ObservationsAt(bed, settings, effectiveAt, elapsed, nibpDue))
                    {
                        producer.Produce(topics.DeviceObservations, bed.Monitor.Value, observation, KafkaHeaders.CreateFhirJson(), OnDelivered);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task AnnounceAsync(IReadOnlyList<SimulatedBed> beds, string topic, CancellationToken cancellationToken)
    {
        var deliveries = new List<Task>(beds.Count * 3);
        foreach (var bed in beds)
        {
            var assignment = new DeviceAssignment(bed.Monitor, bed.Location.Ward, bed.Location.Bed, bed.Patient.Patient, AdmittedAt);
            foreach (var (key, value) in new[]
            {
                RegistryCodec.Encode(bed.Location), RegistryCodec.Encode(bed.Patient), RegistryCodec.Encode(assignment),
            })
            {
                deliveries.Add(producer.ProduceAsync(topic, key, value, cancellationToken: cancellationToken));
            }
        }

        await Task.WhenAll(deliveries);
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError && Interlocked.Increment(ref _failed) % 1000 == 1)
        {
            LogDeliveryFailed(logger, report.Error.Code.ToString(), Interlocked.Read(ref _failed));
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Information, Message = "Simulating {Beds} beds (seed {Seed}) onto {Topic}")]
    private static partial void LogStarted(ILogger logger, int beds, int seed, string topic);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Simulated readings failed delivery ({ErrorCode}); {Failed} so far")]
    private static partial void LogDeliveryFailed(ILogger logger, string errorCode, long failed);
}

using System.Diagnostics;
using System.Globalization;
using CareStream.Ingestion;
using CareStream.Messaging;
using CareStream.Messaging.Embedded;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Benchmarks;

/// <summary>
/// The normalizer through Kafka (librdkafka's embedded mock cluster, in this process): pre-loads N device readings to
/// the ingress topic, starts the real ingest consumer (AddMessaging + AddIngestion) and samples the canonical topic's
/// high watermarks and this process's CPU time. The rate is taken between 10 % and 90 % of the output, so consumer
/// group join and the tail do not count; per core = readings/s ÷ (CPU seconds ÷ wall seconds) in that window.
/// The mock broker runs in the same process, so its cost is inside the CPU figure.
/// Run: <c>dotnet run -c Release --project tests/CareStream.Benchmarks -- normalizer-kafka [readings]</c>.
/// </summary>
internal static class NormalizerKafkaThroughput
{
    private const int Beds = 1_000;
    private const int IngressPartitions = 48;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(int readings)
    {
        using var cluster = EmbeddedKafkaCluster.Start(brokerCount: 1);
        var topics = new KafkaTopicNames();
        // The mock cluster prunes a partition beyond ~5 MB, which would delete pre-loaded records before they are read:
        // the ingress topic gets 48 partitions (≈ 2 MB each at 200,000 readings). The output is counted by high
        // watermarks, which pruning does not lower.
        cluster.CreateTopic(topics.DeviceObservations, IngressPartitions, 1);
        foreach (var topic in new[] { topics.Observations, topics.ObservationsDeadLetter, topics.UnassociatedObservations, topics.Alerts })
        {
            cluster.CreateTopic(topic, Topics.DefaultPartitions, 1);
        }

        cluster.CreateTopic(topics.Assignments, Topics.DefaultPartitions, 1);
        var messages = Preload(cluster.BootstrapServers, topics, readings);
        Console.WriteLine($"preloaded {messages} device messages ({readings} readings) for {Beds} beds");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(Environment.GetEnvironmentVariable("BENCH_LOG") is { } level ? Enum.Parse<LogLevel>(level) : LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = cluster.BootstrapServers,
            ["Kafka:ProvisionTopics"] = "false",
            ["Kafka:ReplicationFactor"] = "1",
            ["Kafka:MinInSyncReplicas"] = "1",
            ["Ingestion:Mllp:Enabled"] = "false",
        });
        builder.AddMessaging();
        builder.AddIngestion();
        using var host = builder.Build();

        using var probe = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers, GroupId = "bench-probe" }).Build();
        var partitions = Enumerable.Range(0, Topics.DefaultPartitions).Select(p => new TopicPartition(topics.Observations, p)).ToArray();
        var process = Process.GetCurrentProcess();
        var samples = new List<(TimeSpan Wall, TimeSpan Cpu, long Count)>();
        var clock = Stopwatch.StartNew();
        await host.StartAsync();
        long count = 0;
        while (count < messages && clock.Elapsed < Timeout)
        {
            await Task.Delay(50);
            count = partitions.Sum(tp => probe.QueryWatermarkOffsets(tp, TimeSpan.FromSeconds(5)).High.Value);
            process.Refresh();
            samples.Add((clock.Elapsed, process.TotalProcessorTime, count));
            if (samples.Count % 100 == 0)
            {
                Console.WriteLine($"{clock.Elapsed.TotalSeconds:F0} s: {count} of {messages} canonical messages");
            }
        }

        await host.StopAsync();
        Report(samples, messages, readings);
    }

    private static long Preload(string bootstrapServers, KafkaTopicNames topics, int readings)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers, LingerMs = 20, BatchSize = 1_000_000, QueueBufferingMaxMessages = 1_000_000,
        }).Build();
        for (var bed = 0; bed < Beds; bed++)
        {
            var (key, value) = RegistryCodec.Encode(NormalizerWorkload.Assignment(bed));
            producer.Produce(topics.Assignments, new Message<string, byte[]> { Key = key, Value = value });
        }

        long messages = 0;
        for (var second = 0; (long)second * Beds * NormalizerWorkload.ReadingsPerBed < readings; second++)
        {
            for (var bed = 0; bed < Beds && ((long)second * Beds + bed) * NormalizerWorkload.ReadingsPerBed < readings; bed++)
            {
                foreach (var payload in NormalizerWorkload.Messages(bed, second))
                {
                    producer.Produce(topics.DeviceObservations, new Message<string, byte[]>
                    {
                        Key = NormalizerWorkload.Device(bed).Value, Value = payload, Headers = KafkaHeaders.CreateFhirJson(),
                    });
                    messages++;
                }
            }
        }

        producer.Flush(TimeSpan.FromMinutes(2));
        return messages;
    }

    private static void Report(List<(TimeSpan Wall, TimeSpan Cpu, long Count)> samples, long messages, int readings)
    {
        var last = samples[^1];
        if (last.Count < messages)
        {
            throw new TimeoutException($"only {last.Count} of {messages} canonical messages after {last.Wall}.");
        }

        var from = samples.First(s => s.Count >= messages / 10);
        var to = samples.First(s => s.Count >= messages * 9 / 10);
        var wall = (to.Wall - from.Wall).TotalSeconds;
        var readingsPerMessage = (double)readings / messages;
        var rate = (to.Count - from.Count) * readingsPerMessage / wall;
        var cores = (to.Cpu - from.Cpu).TotalSeconds / wall;
        var first = samples.First(s => s.Count > 0);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"canonical readings/s (10–90 % window): {rate:F0}; cores used: {cores:F2}; per core: {rate / cores:F0}; "
            + $"messages/s: {rate / readingsPerMessage:F0}; first output after {first.Wall.TotalSeconds:F1} s; all {messages} messages after {last.Wall.TotalSeconds:F1} s; Environment.ProcessorCount {Environment.ProcessorCount}"));
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CareStream.Messaging;
using Confluent.Kafka;

namespace CareStream.IntegrationTests;

/// <summary>
/// Poison messages interleaved at 1 % into N = 5,000 ingress messages, produced straight onto the ingress topic:
/// every poison message is dead-lettered with its coordinates and reason, every good reading reaches the canonical
/// topic exactly once and is stored, and the partitions never stall.
/// </summary>
[Collection(IntegrationCollection.Name)]
public sealed class PoisonInterleavingTests(IngestHost host) : IClassFixture<IngestHost>
{
    private const int Total = 5_000;
    private const int PoisonEvery = 100;
    private const int Devices = 10;
    private static readonly string[] PoisonKinds = ["malformed JSON", "invalid FHIR", "unknown LOINC", "oversize payload (1.5 MB)", "unsafe narrative"];
    private static readonly string[] DeadLetterHeaders =
    [
        KafkaHeaders.OriginalTopic, KafkaHeaders.OriginalPartition, KafkaHeaders.OriginalOffset, KafkaHeaders.ErrorCode, KafkaHeaders.ErrorReason,
    ];

    [Fact]
    public async Task GivenOnePercentPoisonInterleaved_WhenIngested_ThenPoisonIsDeadLetteredAndEveryGoodReadingIsCanonicalOnceAndStored()
    {
        var ct = TestContext.Current.CancellationToken;
        for (var d = 0; d < Devices; d++)
        {
            await host.AssociateAsync($"poison-dev-{d}", $"poison-pat-{d}", $"poison-bed-{d}");
        }

        var messages = Enumerable.Range(0, Total).Select(Message).ToArray();
        var poison = messages.Count(m => m.Poison);
        var good = Total - poison;
        var clock = Stopwatch.StartNew();

        await ProduceAsync(host.Settings.Topics.DeviceObservations, messages);
        var canonical = host.Kafka.ReadAll(host.Settings.Topics.Observations, good, TimeSpan.FromSeconds(120));
        var deadLetters = host.Kafka.ReadAll(host.Settings.Topics.ObservationsDeadLetter, poison, TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;
        Assert.False(host.Process.HasExited, "the host stopped while ingesting:\n" + host.Process.Tail(30));
        var stored = 0;
        for (var d = 0; d < Devices; d++)
        {
            stored += (await FhirClient.WaitForObservationsAsync(host.Http, $"poison-pat-{d}", good / Devices, TimeSpan.FromSeconds(30), ct)).Length;
        }

        Assert.Equal(50, poison);
        Assert.Equal(poison, deadLetters.Count);
        Assert.All(deadLetters, d => Assert.All(DeadLetterHeaders, h => Assert.True(
            d.Message.Headers.TryGetLastBytes(h, out var v) && v.Length > 0, $"dead letter at {d.TopicPartitionOffset} lacks {h}")));
        Assert.Equal(
            ["MalformedJson", "MessageTooLarge", "UnknownCode", "UnsafeNarrative", "UnsupportedResourceType"],
            deadLetters.Select(d => Encoding.UTF8.GetString(d.Message.Headers.GetLastBytes(KafkaHeaders.ErrorCode))).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(good, canonical.Count);
        Assert.Equal(good, canonical.Select(c => JsonDocument.Parse(c.Message.Value).RootElement.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(good, stored);
        Assert.True(elapsed < TimeSpan.FromSeconds(120), $"took {elapsed}");
        Assert.False(host.Process.HasExited, host.Process.Tail());
    }

    /// <summary>Message i: a good heart-rate reading, or every 100th one of the poison kinds in turn.</summary>
    private static (string Key, byte[] Value, bool Poison) Message(int i)
    {
        var device = $"poison-dev-{i % Devices}";
        var at = IngestHost.Morning.AddSeconds(i / Devices);
        var reading = IngestHost.Observation(device, at, 60 + (i % 40));
        if (i % PoisonEvery != PoisonEvery / 2)
        {
            return (device, Encoding.UTF8.GetBytes(reading), false);
        }

        // The k-th poison of each kind goes to device k, so each partition holds at most a few oversize records:
        // librdkafka's mock cluster prunes a partition's head beyond 5 MB (its built-in retention), which would
        // otherwise delete unread records before the host could see them — a mock limit, not CareStream's.
        device = $"poison-dev-{i / PoisonEvery / PoisonKinds.Length % Devices}";
        var value = PoisonKinds[i / PoisonEvery % PoisonKinds.Length] switch
        {
            "malformed JSON" => reading[..^3],
            "invalid FHIR" => reading.Replace("\"Observation\"", "\"Patient\"", StringComparison.Ordinal),
            "unknown LOINC" => reading.Replace("8867-4", "99999-9", StringComparison.Ordinal),
            "oversize payload (1.5 MB)" => reading.Insert(1, $"\"padding\":\"{new string('x', 3 * 512 * 1024)}\","),
            // Active content in text.div: the same refusal as over HTTP, now that the shared parser checks it.
            _ => reading.Insert(1, "\"text\":{\"status\":\"generated\",\"div\":\"<div xmlns=\\\"http://www.w3.org/1999/xhtml\\\"><script>alert(1)</script></div>\"},"),
        };
        return (device, Encoding.UTF8.GetBytes(value), true);
    }

    private async Task ProduceAsync(string topic, IEnumerable<(string Key, byte[] Value, bool Poison)> messages)
    {
        // message.max.bytes raised so the 2 MB poison gets onto the topic, as a careless third-party producer could.
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = host.Kafka.BootstrapServers, Acks = Acks.All, EnableIdempotence = true, LingerMs = 1, MessageMaxBytes = 4 * 1024 * 1024,
        }).Build();
        await Task.WhenAll(messages.Select(m => producer.ProduceAsync(topic, new Message<string, byte[]> { Key = m.Key, Value = m.Value })));
    }
}

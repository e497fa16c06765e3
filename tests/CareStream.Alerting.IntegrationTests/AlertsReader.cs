using System.Diagnostics;
using CareStream.Messaging.Alerts;
using Confluent.Kafka;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>Reads the test's alerts topic from the beginning and keeps every decoded record (key checked).</summary>
internal sealed class AlertsReader : IDisposable
{
    private readonly IConsumer<string, byte[]> _consumer;
    private readonly List<AlarmEventEnvelope> _records = [];

    public AlertsReader(string bootstrapServers, string topic)
    {
        _consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = $"carestream-test-alerts-{Guid.NewGuid():N}", EnableAutoCommit = false,
        }).Build();
        _consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
    }

    public IReadOnlyList<AlarmEventEnvelope> Records => _records;

    /// <summary>Reads until <paramref name="done"/> holds or <paramref name="timeout"/> passes; returns whether it held.</summary>
    public bool WaitFor(Func<IReadOnlyList<AlarmEventEnvelope>, bool> done, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!done(_records))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            Drain(TimeSpan.FromMilliseconds(100));
        }

        return true;
    }

    /// <summary>Reads whatever arrives within <paramref name="quiet"/> (to prove that nothing more comes).</summary>
    public void Settle(TimeSpan quiet)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < quiet)
        {
            Drain(TimeSpan.FromMilliseconds(100));
        }
    }

    public void Dispose()
    {
        _consumer.Close();
        _consumer.Dispose();
    }

    private void Drain(TimeSpan wait)
    {
        if (_consumer.Consume(wait) is { IsPartitionEOF: false } result)
        {
            var envelope = AlarmEventCodec.Decode(result.Message.Value);
            Assert.Equal(envelope.Event.Episode.Patient.Value, result.Message.Key);
            _records.Add(envelope);
        }
    }
}

using System.Collections.Concurrent;
using CareStream.Domain.Alerts;
using CareStream.Messaging.Alerts;
using Confluent.Kafka;

namespace CareStream.Bench.Measuring;

/// <summary>Reads <c>carestream.alerts.v1</c> from the latest offset and notes when each raised alarm arrives.</summary>
public sealed class AlertTopicWatcher(RunClock clock)
{
    public ConcurrentQueue<AlarmSighting> Raised { get; } = new();

    public Task RunAsync(string bootstrapServers, string topic, CancellationToken cancellationToken) => Task.Factory.StartNew(() =>
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = "carestream-bench-alerts-" + Guid.NewGuid().ToString("N"),
            AutoOffsetReset = AutoOffsetReset.Latest,
            EnableAutoCommit = false,
            FetchWaitMaxMs = 5,
        };
        using var consumer = new ConsumerBuilder<string, byte[]>(config).Build();
        consumer.Subscribe(topic);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var result = consumer.Consume(cancellationToken);
                if (result?.Message?.Value is { } value && AlarmEventCodec.Decode(value).Event is AlarmRaised raised)
                {
                    Raised.Enqueue(new AlarmSighting(raised.Episode.Patient.Value, raised.Episode.Condition, raised.Episode.ConditionStartedAt, clock.Now));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            consumer.Close();
        }
    }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}

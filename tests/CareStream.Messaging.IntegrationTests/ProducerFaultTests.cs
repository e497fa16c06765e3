using System.Text;
using CareStream.Messaging.Embedded;
using CareStream.Messaging.Producing;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>Reliability F1: produce faults injected into a private mock cluster (so no other test sees them).</summary>
public sealed class ProducerFaultTests
{
    [Fact]
    public async Task GivenInjectedProduceErrorsBrokerDownAndLeaderMove_WhenProducing_ThenNoneIsLostOrDuplicated()
    {
        const int Count = 2000;
        const string Topic = "it-faults";
        using var cluster = EmbeddedKafkaCluster.Start(brokerCount: 3);
        cluster.CreateTopic(Topic, partitions: 4, replicationFactor: 3);
        using var host = CreateHost(cluster);
        var producer = host.Services.GetRequiredService<KafkaProducer>();
        var delivered = 0;
        var failed = 0;
        void Send(int i) => producer.Produce(Topic, $"patient-{i % 13}", Encoding.UTF8.GetBytes($"msg-{i}"), null, report =>
            Interlocked.Increment(ref report.Error.IsError ? ref failed : ref delivered));

        cluster.PushRequestErrors(KafkaApiKey.Produce,
            ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut, ErrorCode.NotEnoughReplicas, ErrorCode.Local_Transport,
            ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut);
        for (var i = 0; i < 700; i++)
        {
            Send(i);
        }

        cluster.SetBrokerDown(2);
        for (var i = 700; i < 1400; i++)
        {
            Send(i);
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        cluster.SetBrokerUp(2);
        cluster.SetPartitionLeader(Topic, 0, 3);
        cluster.SetPartitionLeader(Topic, 1, 1);
        for (var i = 1400; i < Count; i++)
        {
            Send(i);
        }

        var pending = producer.Flush(TimeSpan.FromSeconds(60));
        var read = ReadAll(cluster.BootstrapServers, Topic, Count);

        Assert.Equal(0, pending);
        Assert.Equal(0, failed);
        Assert.Equal(Count, delivered);
        var values = read.Select(r => Encoding.UTF8.GetString(r.Message.Value)).ToList();
        Assert.Equal(Count, values.Distinct().Count());
        Assert.Equal(Count, values.Count);
    }

    private static IHost CreateHost(EmbeddedKafkaCluster cluster)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IKafkaCluster>(cluster);
        builder.AddMessaging();
        return builder.Build();
    }

    private static List<ConsumeResult<string, byte[]>> ReadAll(string bootstrapServers, string topic, int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers, GroupId = "it-faults-reader", AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Subscribe(topic);
        var read = new List<ConsumeResult<string, byte[]>>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (read.Count < expected && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { } result)
            {
                read.Add(result);
            }
        }

        // Read on briefly: a duplicate would arrive after the expected count.
        while (consumer.Consume(TimeSpan.FromSeconds(1)) is { } extra)
        {
            read.Add(extra);
        }

        consumer.Close();
        return read;
    }
}

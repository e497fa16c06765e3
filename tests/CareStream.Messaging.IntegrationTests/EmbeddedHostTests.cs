using CareStream.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>The default run: no bootstrap servers configured, so AddMessaging starts and provisions the mock cluster.</summary>
public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task GivenNoBootstrapServers_WhenTheHostStarts_ThenTheEmbeddedClusterHasAllTopicsAndReadinessIsHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var logs = new CapturingLoggerProvider();
        builder.Services.AddLogging(logging => logging.AddProvider(logs));
        builder.AddMessaging();
        builder.Services.AddSingleton(new MessageRecorder());
        builder.Services.AddKafkaConsumer<RecordingConsumer>("test-embedded", t => t.Alerts);
        using var host = builder.Build();

        await host.StartAsync(ct);
        var cluster = host.Services.GetRequiredService<IKafkaCluster>();
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var states = host.Services.GetRequiredService<KafkaConsumerStates>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (states.Get("test-embedded").State != KafkaConsumerState.Assigned && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, ct);
        }

        var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), ct);
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = cluster.BootstrapServers }).Build();
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        var assigned = states.Get("test-embedded").AssignedPartitions;
        await host.StopAsync(ct);

        Assert.True(cluster.IsEmbedded);
        var warning = Assert.Single(logs.Entries, e => e.EventId == 1000);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("in-memory MOCK Kafka cluster", warning.Message, StringComparison.Ordinal);
        Assert.Contains(cluster.BootstrapServers, warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("127.0.0.1:", cluster.BootstrapServers, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Equal(["kafka", "kafka-consumers"], report.Entries.Keys.Order());
        foreach (var topic in Topics.All(new KafkaOptions()))
        {
            Assert.Equal(topic.Partitions, metadata.Topics.Single(t => t.Topic == topic.Name).Partitions.Count);
        }

        Assert.Equal(Topics.DefaultPartitions, assigned);
        Assert.Equal(KafkaConsumerState.Stopped, states.Get("test-embedded").State);
    }
}

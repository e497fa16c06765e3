using System.Globalization;
using CareStream.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>A minimal generic host with AddMessaging pointed at the fixture's cluster.</summary>
internal static class MessagingTestHost
{
    public static IHost Create(KafkaFixture kafka, MessageRecorder recorder, string topic, string deadLetterTopic, string? groupId = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:ReplicationFactor"] = kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
        });
        builder.Services.AddLogging(logging =>
        {
            if (Environment.GetEnvironmentVariable("CARESTREAM_TEST_LOG") is { Length: > 0 } path)
            {
                logging.AddProvider(new FileLoggerProvider(path)).SetMinimumLevel(LogLevel.Debug);
            }
        });
        builder.Services.AddSingleton(kafka.Cluster); // before AddMessaging: it only TryAdds the cluster
        builder.AddMessaging();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddKafkaConsumer<RecordingConsumer>("test-recorder", _ => topic, o =>
        {
            o.DeadLetterTopic = deadLetterTopic;
            o.Client["group.id"] = groupId ?? $"carestream-test-{Guid.NewGuid():N}";
            // A member that crashed without leaving is evicted after this (the 45 s default slows restart tests).
            o.Client["session.timeout.ms"] = "6000";
            o.Client["heartbeat.interval.ms"] = "1000";
        });
        return builder.Build();
    }
}

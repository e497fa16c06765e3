using System.Globalization;
using CareStream.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>A minimal generic host with AddMessaging pointed at the fixture's cluster.</summary>
internal static class MessagingTestHost
{
    public static IHost Create(KafkaFixture kafka, MessageRecorder recorder, string topic, string deadLetterTopic)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:ReplicationFactor"] = kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
        });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(kafka.Cluster); // before AddMessaging: it only TryAdds the cluster
        builder.AddMessaging();
        builder.Services.AddSingleton(recorder);
        builder.Services.AddKafkaConsumer<RecordingConsumer>("test-recorder", _ => topic, o =>
        {
            o.DeadLetterTopic = deadLetterTopic;
            o.Client["group.id"] = $"carestream-test-{Guid.NewGuid():N}";
        });
        return builder.Build();
    }
}

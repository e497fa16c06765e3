using CareStream.Messaging.Consuming;
using CareStream.Messaging.UnitTests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareStream.Messaging.UnitTests;

public sealed class OptionsValidationTests
{
    [Theory]
    [InlineData("Kafka:Partitions", "0", "Kafka:Partitions must be between 1 and 10000.")]
    [InlineData("Kafka:EmbeddedBrokers", "12", "Kafka:EmbeddedBrokers must be between 1 and 9.")]
    [InlineData("Kafka:MinInSyncReplicas", "4", "Kafka:MinInSyncReplicas (4) must not exceed Kafka:ReplicationFactor (3).")]
    [InlineData("Kafka:Producer:acks", "1", "Kafka:Producer:acks must be 'all' (was '1')")]
    [InlineData("Kafka:Producer:enable.idempotence", "false", "Kafka:Producer:enable.idempotence must be 'true'")]
    [InlineData("Kafka:Topics:Alerts", "carestream.observations.v1", "Kafka:Topics:* must name distinct topics (one per CareStream stream).")]
    public void GivenInvalidKafkaSetting_WhenOptionsAreRead_ThenTheMessageNamesTheSetting(string key, string value, string expected)
    {
        using var services = Build(new() { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<KafkaOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Client:enable.auto.offset.store", "true", "Kafka:Consumers:unit-test:Client:enable.auto.offset.store must not be true")]
    [InlineData("Client:enable.auto.commit", "false", "Kafka:Consumers:unit-test:Client:enable.auto.commit must not be false")]
    [InlineData("Client:bootstrap.servers", "x:1", "Kafka:Consumers:unit-test:Client:bootstrap.servers must not be set")]
    [InlineData("MaxBatchSize", "0", "Kafka:Consumers:<Name>:MaxBatchSize must be between 1 and 100000.")]
    public void GivenInvalidConsumerSetting_WhenOptionsAreRead_ThenTheMessageNamesTheSetting(string key, string value, string expected)
    {
        using var services = Build(new() { [$"Kafka:Consumers:unit-test:{key}"] = value });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptionsMonitor<KafkaConsumerOptions>>().Get(LoopHarness<TestBatchConsumer>.ConsumerName));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenNoSettings_WhenOptionsAreRead_ThenDefaultsAreTheProductionShape()
    {
        using var services = Build([]);

        var options = services.GetRequiredService<IOptions<KafkaOptions>>().Value;
        var consumer = services.GetRequiredService<IOptionsMonitor<KafkaConsumerOptions>>().Get(LoopHarness<TestBatchConsumer>.ConsumerName);

        Assert.True(options.UsesEmbeddedCluster);
        Assert.Equal(12, options.Partitions);
        Assert.Equal(3, options.ReplicationFactor);
        Assert.Equal(2, options.MinInSyncReplicas);
        Assert.Equal(Topics.Observations, consumer.Topic);
        Assert.Equal(
            [(Topics.DeviceObservations, false), (Topics.Observations, false), (Topics.ObservationsDeadLetter, false), (Topics.UnassociatedObservations, false), (Topics.Alerts, false), (Topics.PatientCommands, false), (Topics.NotificationsDeadLetter, false), (Topics.PatientScores, true), (Topics.Assignments, true)],
            Topics.All(options).Select(t => (t.Name, t.Compacted)));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddKafkaConsumer<TestBatchConsumer>(LoopHarness<TestBatchConsumer>.ConsumerName, t => t.Observations);
        return services.BuildServiceProvider();
    }
}

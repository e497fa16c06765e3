using CareStream.Messaging.Consuming;

namespace CareStream.Messaging.UnitTests.Consuming;

public sealed class KafkaConsumerConfigBuilderTests
{
    [Fact]
    public void GivenTheEmbeddedCluster_WhenAConsumerConfigIsBuilt_ThenFetchesWaitOnlyBriefly()
    {
        var kafka = new KafkaOptions { BootstrapServers = null };

        var config = KafkaConsumerConfigBuilder.Build("store-observations", new KafkaConsumerOptions(), kafka, "127.0.0.1:9092");

        Assert.Equal(KafkaConsumerConfigBuilder.EmbeddedFetchWaitMaxMs, config.FetchWaitMaxMs);
    }

    [Fact]
    public void GivenARealCluster_WhenAConsumerConfigIsBuilt_ThenLibrdkafkasFetchWaitIsKept()
    {
        var kafka = new KafkaOptions { BootstrapServers = "kafka-0:9092" };

        var config = KafkaConsumerConfigBuilder.Build("store-observations", new KafkaConsumerOptions(), kafka, "kafka-0:9092");

        Assert.Null(config.FetchWaitMaxMs);
    }

    [Fact]
    public void GivenAnExplicitFetchWait_WhenBuiltForTheEmbeddedCluster_ThenTheSettingWins()
    {
        var kafka = new KafkaOptions { BootstrapServers = null };
        var settings = new KafkaConsumerOptions { Client = { ["fetch.wait.max.ms"] = "250" } };

        var config = KafkaConsumerConfigBuilder.Build("store-observations", settings, kafka, "127.0.0.1:9092");

        Assert.Equal(250, config.FetchWaitMaxMs);
    }
}

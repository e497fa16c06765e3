using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests;

public sealed class KafkaOptionsClientConfigTests
{
    [Fact]
    public void GivenCommonAndSpecificSettings_WhenAClientConfigIsBuilt_ThenBothApplyAndTheSpecificOneWins()
    {
        var options = new KafkaOptions
        {
            Client = { ["security.protocol"] = "sasl_ssl", ["linger.ms"] = "3" },
            Producer = { ["linger.ms"] = "1" },
        };

        var config = options.ClientConfig<ProducerConfig>(options.Producer);

        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal(1, config.LingerMs);
    }

    [Fact]
    public void GivenBoundOptions_WhenAClientConfigIsChanged_ThenTheOptionsDictionariesStayUntouched()
    {
        var options = new KafkaOptions { Client = { ["security.protocol"] = "ssl" } };

        var config = options.ClientConfig<ConsumerConfig>();
        config.GroupId = "carestream-test";

        Assert.Single(options.Client);
        Assert.False(options.Client.ContainsKey("group.id"));
    }
}

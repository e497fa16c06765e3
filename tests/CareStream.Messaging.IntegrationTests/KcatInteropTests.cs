using System.Text;
using CareStream.Testing.Kafka;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>kcat (Debian's, librdkafka 2.0.2) as an independent Kafka client against the cluster.</summary>
[Collection(KafkaCollection.Name)]
public sealed class KcatInteropTests(KafkaFixture kafka)
{
    [Fact]
    public async Task GivenKcatProducedMessages_WhenReadWithConfluent_ThenKeysAndValuesMatch()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-kcat-in", partitions: 3);

        await Kcat.RunAsync(["-b", kafka.BootstrapServers, "-P", "-t", topic, "-K", ":"], "bed-1:hello\nbed-2:world\n", TestContext.Current.CancellationToken);
        var read = kafka.ReadAll(topic, expected: 2, TimeSpan.FromSeconds(20));

        Assert.Equal(
            ["bed-1=hello", "bed-2=world"],
            read.Select(r => $"{r.Message.Key}={Encoding.UTF8.GetString(r.Message.Value)}").Order());
    }

    [Fact]
    public async Task GivenConfluentProducedMessages_WhenReadWithKcat_ThenKeysAndValuesMatch()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-kcat-out", partitions: 3);
        await kafka.ProduceAsync(topic, [KeyValuePair.Create("patient-1", "a"), KeyValuePair.Create("patient-2", "b")]);

        var output = await Kcat.RunAsync(
            ["-b", kafka.BootstrapServers, "-C", "-e", "-q", "-o", "beginning", "-t", topic, "-f", "%k=%s\n"], stdin: null, TestContext.Current.CancellationToken);

        Assert.Equal(["patient-1=a", "patient-2=b"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }
}

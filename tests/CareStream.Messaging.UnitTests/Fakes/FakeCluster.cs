using CareStream.Messaging.Embedded;

namespace CareStream.Messaging.UnitTests.Fakes;

public sealed class FakeCluster : IKafkaCluster
{
    public string BootstrapServers => "fake:9092";

    public bool IsEmbedded => false;

    public EmbeddedKafkaCluster? Embedded => null;
}

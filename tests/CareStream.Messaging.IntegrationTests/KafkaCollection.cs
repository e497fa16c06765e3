using CareStream.Testing.Kafka;

namespace CareStream.Messaging.IntegrationTests;

/// <summary>One mock cluster (or the CARESTREAM_TEST_KAFKA cluster) for all Kafka integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaCollection : ICollectionFixture<KafkaFixture>
{
    public const string Name = "kafka";
}

using CareStream.Testing.Kafka;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>One mock cluster (or the CARESTREAM_TEST_KAFKA cluster) for all alerting integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaCollection : ICollectionFixture<KafkaFixture>
{
    public const string Name = "kafka";
}

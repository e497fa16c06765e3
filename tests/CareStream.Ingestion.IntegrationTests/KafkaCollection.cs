using CareStream.Testing.Kafka;

namespace CareStream.Ingestion.IntegrationTests;

/// <summary>One mock cluster (or the CARESTREAM_TEST_KAFKA cluster) for the ingestion integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class KafkaCollection : ICollectionFixture<KafkaFixture>
{
    public const string Name = "kafka";
}

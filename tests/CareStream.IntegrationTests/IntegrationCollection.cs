using CareStream.Testing.Kafka;

namespace CareStream.IntegrationTests;

/// <summary>One Kafka mock cluster for the whole assembly; every test gives its host its own topics and groups.</summary>
[CollectionDefinition(Name)]
public sealed class IntegrationCollection : ICollectionFixture<KafkaFixture>
{
    public const string Name = "CareStream host";
}

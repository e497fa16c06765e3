using CareStream.Testing.Postgres;

namespace CareStream.Storage.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "storage";
}

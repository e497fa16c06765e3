using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;

namespace CareStream.Notifications.IntegrationTests;

/// <summary>The mock Kafka cluster and one migrated PostgreSQL database for the notifier tests.</summary>
[CollectionDefinition(Name)]
public sealed class NotificationsCollection : ICollectionFixture<KafkaFixture>, ICollectionFixture<PostgresFixture>
{
    public const string Name = "notifications";
}

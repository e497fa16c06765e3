using System.Globalization;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Storage;
using CareStream.Storage.Notifications;
using CareStream.Testing.Kafka;
using CareStream.Testing.Postgres;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CareStream.Notifications.IntegrationTests;

/// <summary>
/// A notify-role host (AddMessaging + AddStorage + AddNotifications) on per-test topics (one partition: one total order),
/// the fixture's database and small retry delays (3 attempts, 50/100 ms).
/// </summary>
internal sealed class NotifierTestHost : IAsyncDisposable
{
    public const int MaxAttempts = 3;

    private readonly KafkaFixture _kafka;
    private IHost? _host;

    private NotifierTestHost(KafkaFixture kafka, string alerts, string deadLetters) =>
        (_kafka, Alerts, DeadLetters) = (kafka, alerts, deadLetters);

    public string Alerts { get; }

    /// <summary>A ward of this test only: the database is shared by the collection, subscriptions filter on it.</summary>
    public string Ward { get; } = $"ward-{Guid.NewGuid():N}";

    public string DeadLetters { get; }

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    public static async Task<NotifierTestHost> StartAsync(KafkaFixture kafka, PostgresFixture postgres)
    {
        var host = new NotifierTestHost(
            kafka,
            await kafka.CreateUniqueTopicAsync("it-notify-alerts", partitions: 1),
            await kafka.CreateUniqueTopicAsync("it-notify-dlq", partitions: 1));
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{StorageOptions.ConnectionStringName}"] = postgres.ConnectionString,
            ["Kafka:ReplicationFactor"] = kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
            ["Kafka:Partitions"] = "1",
            ["Kafka:Topics:Alerts"] = host.Alerts,
            ["Kafka:Topics:NotificationsDeadLetter"] = host.DeadLetters,
            ["Kafka:Consumers:notify-alerts:Client:group.id"] = $"carestream-test-notify-{Guid.NewGuid():N}",
            ["Kafka:Consumers:notify-alerts:Client:auto.offset.reset"] = "earliest",
            ["Notifications:MaxAttempts"] = MaxAttempts.ToString(CultureInfo.InvariantCulture),
            ["Notifications:InitialRetryDelay"] = "00:00:00.050",
            ["Notifications:MaxRetryDelay"] = "00:00:00.100",
            ["Notifications:RequestTimeout"] = "00:00:02",
            ["Notifications:SubscriptionRefreshInterval"] = "00:00:00",
        });
        if (Environment.GetEnvironmentVariable("CARESTREAM_TEST_CONSOLE_LOG") is { Length: > 0 })
        {
            builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug));
        }

        builder.Services.AddSingleton(kafka.Cluster); // before AddMessaging: it only TryAdds the cluster
        builder.AddMessaging();
        builder.AddStorage();
        builder.AddNotifications();
        host._host = builder.Build();
        await host._host.StartAsync();
        return host;
    }

    /// <summary>A subscription on this host's ward (tier 1), stored as the FHIR API would.</summary>
    public async Task<NotificationSubscriptionEntity> SubscribeAsync(string endpoint, string secret)
    {
        var criteria = "Flag?ward=" + Ward;
        var subscription = new NotificationSubscriptionEntity
        {
            Id = Guid.NewGuid().ToString("N"), Criteria = criteria, Endpoint = endpoint, Secret = secret, Status = SubscriptionState.Requested,
        };
        await Services.GetRequiredService<SubscriptionStore>().CreateAsync(subscription, CancellationToken.None);
        return subscription;
    }

    public Task PublishAsync(params AlarmEvent[] events) =>
        _kafka.ProduceAsync(Alerts, events.Select(e =>
            KeyValuePair.Create(AlarmEventCodec.KeyOf(e), System.Text.Encoding.UTF8.GetString(AlarmEventCodec.Encode(e, new WardId(Ward), new BedId("bed-1"))))));

    public IReadOnlyList<ConsumeResult<string, byte[]>> Read(string topic, int expected, TimeSpan timeout) =>
        _kafka.ReadAll(topic, expected, timeout);

    /// <summary>Polls the delivery audit until <paramref name="done"/> holds or 20 s pass; returns the last read.</summary>
    public async Task<IReadOnlyList<NotificationDeliveryEntity>> WaitForDeliveriesAsync(
        string subscriptionId, Func<IReadOnlyList<NotificationDeliveryEntity>, bool> done)
    {
        var log = Services.GetRequiredService<DeliveryLog>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<NotificationDeliveryEntity> rows;
        do
        {
            rows = await log.ListAsync(subscriptionId, CancellationToken.None);
            if (done(rows))
            {
                return rows;
            }

            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}

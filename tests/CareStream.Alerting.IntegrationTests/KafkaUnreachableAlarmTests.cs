using CareStream.Alerting.Pipeline;
using CareStream.Domain.Alerts;
using CareStream.Messaging;
using CareStream.Messaging.Alerts;
using CareStream.Messaging.Embedded;
using CareStream.Storage.Alerts;
using CareStream.Testing.Postgres;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>
/// "pipeline: Kafka unreachable" against a private librdkafka mock cluster whose brokers are all set down and up again
/// (a private cluster: the shared one must stay up for the other tests), with the alarm store on real PostgreSQL and
/// the in-process <see cref="SystemAlarmBoard"/> (what the live role pushes to dashboards).
/// </summary>
public sealed class KafkaUnreachableAlarmTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Alerts = "it-pipeline-alerts";

    [Fact]
    public async Task GivenAllBrokersDown_WhenTheGracePasses_ThenTheAlarmIsStoredAndWhenBackItIsResolvedStoredAndPublished()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cluster = EmbeddedKafkaCluster.Start(brokerCount: 3);
        cluster.CreateTopic(Alerts, 1, 1);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = NpgsqlDataSource.Create(postgres.ConnectionString);
        using var host = Build(cluster, time, database);
        var monitor = host.Services.GetRequiredService<KafkaUnreachableMonitor>();
        var board = host.Services.GetRequiredService<SystemAlarmBoard>();
        var queries = new AlarmQueries(database);
        await monitor.CheckOnceAsync(ct); // reachable: nothing

        for (var broker = 1; broker <= cluster.BrokerCount; broker++)
        {
            cluster.SetBrokerDown(broker);
        }

        await monitor.CheckOnceAsync(ct); // the outage starts
        time.Advance(TimeSpan.FromSeconds(9));
        await monitor.CheckOnceAsync(ct);
        var withinGrace = monitor.Current;
        time.Advance(TimeSpan.FromSeconds(1)); // grace 10 s + one tick
        await monitor.CheckOnceAsync(ct);
        var raised = monitor.Current;
        var onBoardWhileDown = board.Open.Select(a => a.Episode.EpisodeId).ToArray();
        var storedWhileDown = raised is null ? null : await queries.GetAsync(raised.Episode.EpisodeId, ct);
        for (var broker = 1; broker <= cluster.BrokerCount; broker++)
        {
            cluster.SetBrokerUp(broker);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var resolvedInTime = await ProbeUntilAsync(monitor, () => monitor.Current is null, ct);
        var storedAfter = raised is null ? null : await queries.GetAsync(raised.Episode.EpisodeId, ct);
        var published = ReadAll(cluster.BootstrapServers, expected: 2);

        Assert.Null(withinGrace);
        Assert.NotNull(raised);
        Assert.Equal((AlarmCategory.Technical, KafkaUnreachableAlarm.RuleId, "system"), (raised.Episode.Category, raised.Episode.RuleId, raised.Episode.Patient.Value));
        Assert.Equal(AlarmStatus.Raised, storedWhileDown?.Episode.Status); // in the store although Kafka is down
        Assert.Equal([raised.Episode.EpisodeId], onBoardWhileDown); // and on the in-process board the live role pushes
        Assert.Empty(board.Open);
        Assert.True(resolvedInTime, "the alarm was not resolved once the brokers were back");
        Assert.Equal(AlarmStatus.Resolved, storedAfter?.Episode.Status);
        Assert.Equal(["raised", "resolved"], published.Select(p => AlarmEventCodec.TypeOf(p.Event)));
        Assert.All(published, p => Assert.Equal(raised.Episode.EpisodeId, p.Event.Episode.EpisodeId));
    }

    private static async Task<bool> ProbeUntilAsync(KafkaUnreachableMonitor monitor, Func<bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30); // librdkafka reconnect backoff is wall-clock
        while (DateTime.UtcNow < deadline)
        {
            await monitor.CheckOnceAsync(ct);
            if (done())
            {
                return true;
            }

            await Task.Delay(200, ct);
        }

        return false;
    }

    private static IHost Build(EmbeddedKafkaCluster cluster, FakeTimeProvider time, NpgsqlDataSource database)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:Topics:Alerts"] = Alerts,
            ["Kafka:HealthCheckTimeout"] = "00:00:01",
            ["Alerting:KafkaUnreachableGrace"] = "00:00:10",
        });
        builder.Services.AddSingleton<IKafkaCluster>(cluster);
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(database);
        builder.AddMessaging();
        builder.Services.AddOptions<AlertingOptions>().BindConfiguration(AlertingOptions.SectionName);
        builder.Services.AddSingleton<KafkaUnreachableMonitor>();
        return builder.Build(); // not started: the test drives the monitor's probes
    }

    private static List<AlarmEventEnvelope> ReadAll(string bootstrap, int expected)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap, GroupId = $"it-pipeline-{Guid.NewGuid():N}", EnableAutoCommit = false,
        }).Build();
        consumer.Assign(new TopicPartitionOffset(Alerts, 0, Offset.Beginning));
        var read = new List<AlarmEventEnvelope>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (read.Count < expected && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(200)) is { IsPartitionEOF: false } record)
            {
                read.Add(AlarmEventCodec.Decode(record.Message.Value));
            }
        }

        return read;
    }
}

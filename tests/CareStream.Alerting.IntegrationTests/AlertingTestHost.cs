using System.Globalization;
using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Messaging;
using CareStream.Messaging.Registry;
using CareStream.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CareStream.Alerting.IntegrationTests;

/// <summary>
/// Per-test topics (one partition each, so the test sees one total order), a registry placing the test's patients
/// on ward-3, and a generic host with AddMessaging + AddAlerting on a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class AlertingTestHost
{
    public const string Ward = "ward-3";

    private readonly KafkaFixture _kafka;
    private readonly string _groupId = $"carestream-test-rules-{Guid.NewGuid():N}";

    private AlertingTestHost(KafkaFixture kafka, string observations, string alerts, string assignments, string commands)
    {
        _kafka = kafka;
        (Observations, Alerts, Assignments, Commands) = (observations, alerts, assignments, commands);
    }

    public string Commands { get; }

    public string Observations { get; }

    public string Alerts { get; }

    public string Assignments { get; }

    /// <summary>The NEWS2 outcomes the rules role publishes (compacted).</summary>
    public string Scores { get; } = $"it-alerting-scores-{Guid.NewGuid():N}";

    /// <summary>Starts at the wall clock so Kafka record timestamps and the fake clock agree (restore lookback).</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public static async Task<AlertingTestHost> CreateAsync(KafkaFixture kafka)
    {
        var host = new AlertingTestHost(
            kafka,
            await kafka.CreateUniqueTopicAsync("it-alerting-observations", partitions: 1),
            await kafka.CreateUniqueTopicAsync("it-alerting-alerts", partitions: 1),
            $"it-alerting-assignments-{Guid.NewGuid():N}",
            await kafka.CreateUniqueTopicAsync("it-alerting-commands", partitions: 1));
        await kafka.CreateTopicAsync(host.Assignments, partitions: 1, compacted: true);
        await kafka.CreateTopicAsync(host.Scores, partitions: 1, compacted: true);
        return host;
    }

    /// <summary>Places <paramref name="patient"/> with <paramref name="device"/> in a bed of ward-3.</summary>
    public Task AssignAsync(string patient, string device, string bed)
    {
        var location = RegistryCodec.Encode(new BedLocation(new WardId(Ward), "Ward 3", new BedId(bed), bed.ToUpperInvariant()));
        var assignment = RegistryCodec.Encode(new DeviceAssignment(
            new DeviceId(device), new WardId(Ward), new BedId(bed), new PatientId(patient), Time.GetUtcNow().AddHours(-1)));
        return _kafka.ProduceAsync(Assignments, [
            KeyValuePair.Create(location.Key, Encoding.UTF8.GetString(location.Value)),
            KeyValuePair.Create(assignment.Key, Encoding.UTF8.GetString(assignment.Value))]);
    }

    public Task PublishAsync(string patient, params byte[][] observations) =>
        _kafka.ProduceAsync(Observations, observations.Select(o => KeyValuePair.Create(patient, Encoding.UTF8.GetString(o))));

    public Task CommandAsync(CareStream.Alerting.Commands.PatientCommand command) =>
        _kafka.ProduceAsync(Commands, [KeyValuePair.Create(command.Patient.Value, Encoding.UTF8.GetString(CareStream.Alerting.Commands.PatientCommandCodec.Encode(command)))]);

    public AlertsReader ReadAlerts() => new(_kafka.BootstrapServers, Alerts);

    /// <summary>
    /// A host of the rules role; successive hosts share the consumer group (a restart). With <paramref name="database"/>
    /// the role reads the limit-override audit (as with <c>AddStorage</c> in the real host).
    /// </summary>
    public IHost Build(IDictionary<string, string?>? settings = null, NpgsqlDataSource? database = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:ReplicationFactor"] = _kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
            ["Kafka:Partitions"] = "1",
            ["Kafka:Topics:Observations"] = Observations,
            ["Kafka:Topics:Alerts"] = Alerts,
            ["Kafka:Topics:Assignments"] = Assignments,
            ["Kafka:Topics:PatientCommands"] = Commands,
            ["Kafka:Topics:PatientScores"] = Scores,
            ["Kafka:Consumers:rules-evaluator:Client:group.id"] = _groupId,
            // A member that left without a clean close is evicted after this (the 45 s default slows restart tests).
            ["Kafka:Consumers:rules-evaluator:Client:session.timeout.ms"] = "6000",
            ["Kafka:Consumers:rules-evaluator:Client:heartbeat.interval.ms"] = "1000",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (Environment.GetEnvironmentVariable("CARESTREAM_TEST_CONSOLE_LOG") is { Length: > 0 })
        {
            builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug));
        }

        builder.Services.AddSingleton(_kafka.Cluster); // before AddMessaging: it only TryAdds the cluster
        builder.Services.AddSingleton<TimeProvider>(Time);
        if (database is not null)
        {
            builder.Services.AddSingleton(database);
        }

        builder.AddMessaging();
        builder.AddAlerting();
        return builder.Build();
    }
}

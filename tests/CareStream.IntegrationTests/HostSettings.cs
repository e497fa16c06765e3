using CareStream.Messaging;
using CareStream.Testing.Kafka;

namespace CareStream.IntegrationTests;

/// <summary>
/// Configuration for a host under test: the fixture's Kafka cluster with topics and consumer groups of the test's
/// own (so tests never see each other's messages), and the test's database.
/// </summary>
internal sealed class HostSettings
{
    private static readonly string[] ConsumerNames = ["ingest-normalizer", "store-observations", "store-registry", "store-alarms", "store-unassociated", "rules-evaluator", "notify-alerts", "store-limit-changes", "store-scores"];

    private HostSettings(KafkaTopicNames topics, Dictionary<string, string> values)
    {
        Topics = topics;
        Values = values;
    }

    public KafkaTopicNames Topics { get; }

    public Dictionary<string, string> Values { get; }

    public static async Task<HostSettings> CreateAsync(KafkaFixture kafka, string connectionString)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var topics = new KafkaTopicNames
        {
            DeviceObservations = $"{Messaging.Topics.DeviceObservations}-{suffix}",
            Observations = $"{Messaging.Topics.Observations}-{suffix}",
            ObservationsDeadLetter = $"{Messaging.Topics.ObservationsDeadLetter}-{suffix}",
            UnassociatedObservations = $"{Messaging.Topics.UnassociatedObservations}-{suffix}",
            Alerts = $"{Messaging.Topics.Alerts}-{suffix}",
            Assignments = $"{Messaging.Topics.Assignments}-{suffix}",
            PatientCommands = $"{Messaging.Topics.PatientCommands}-{suffix}",
            PatientScores = $"{Messaging.Topics.PatientScores}-{suffix}",
        };
        foreach (var name in new[] { topics.DeviceObservations, topics.Observations, topics.ObservationsDeadLetter, topics.UnassociatedObservations, topics.Alerts, topics.PatientCommands })
        {
            await kafka.CreateTopicAsync(name, Messaging.Topics.DefaultPartitions);
        }

        await kafka.CreateTopicAsync(topics.Assignments, Messaging.Topics.DefaultPartitions, compacted: true);
        await kafka.CreateTopicAsync(topics.PatientScores, Messaging.Topics.DefaultPartitions, compacted: true);

        var values = new Dictionary<string, string>
        {
            ["Kafka:BootstrapServers"] = kafka.BootstrapServers,
            // The fixture created the topics (the mock cluster's admin API cannot).
            ["Kafka:ProvisionTopics"] = "false",
            ["Kafka:Topics:DeviceObservations"] = topics.DeviceObservations,
            ["Kafka:Topics:Observations"] = topics.Observations,
            ["Kafka:Topics:ObservationsDeadLetter"] = topics.ObservationsDeadLetter,
            ["Kafka:Topics:UnassociatedObservations"] = topics.UnassociatedObservations,
            ["Kafka:Topics:Alerts"] = topics.Alerts,
            ["Kafka:Topics:Assignments"] = topics.Assignments,
            ["Kafka:Topics:PatientCommands"] = topics.PatientCommands,
            ["Kafka:Topics:PatientScores"] = topics.PatientScores,
            ["ConnectionStrings:CareStream"] = connectionString,
        };
        foreach (var consumer in ConsumerNames)
        {
            values[$"Kafka:Consumers:{consumer}:Client:group.id"] = $"carestream-{consumer}-{suffix}";
            // The mock cluster hands a dead member's partitions over only after its session times out.
            values[$"Kafka:Consumers:{consumer}:Client:session.timeout.ms"] = "6000";
            values[$"Kafka:Consumers:{consumer}:Client:heartbeat.interval.ms"] = "500";
        }

        return new HostSettings(topics, values);
    }

    public HostSettings With(string key, string value)
    {
        Values[key] = value;
        return this;
    }
}

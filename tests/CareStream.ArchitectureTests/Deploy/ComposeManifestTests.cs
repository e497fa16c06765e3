using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>deploy/compose/docker-compose.yml: a 3-broker KRaft cluster, PostgreSQL, one service per role.</summary>
public sealed class ComposeManifestTests
{
    public static TheoryData<string> Topics => KnownTopics.Theory;

    public static TheoryData<string> Roles => ["ingest", "store", "rules", "api,live", "simulator"];

    [Fact]
    public void GivenCompose_WhenInspected_ThenThreeKafkaBrokersRunInKraftModeWithDurableDefaults()
    {
        var brokers = Services().Where(s => (s.Value.Scalar("image") ?? "").StartsWith("apache/kafka:", StringComparison.Ordinal)
            && (s.Value.Scalar("environment", "KAFKA_PROCESS_ROLES") ?? "").Contains("broker", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, brokers.Count);
        Assert.DoesNotContain(Services(), s => s.Key.Contains("zookeeper", StringComparison.OrdinalIgnoreCase));
        Assert.All(brokers, b =>
        {
            Assert.Equal(3, b.Value.Scalar("environment", "KAFKA_CONTROLLER_QUORUM_VOTERS")?.Split(',').Length);
            Assert.Equal("3", b.Value.Scalar("environment", "KAFKA_DEFAULT_REPLICATION_FACTOR"));
            Assert.Equal("2", b.Value.Scalar("environment", "KAFKA_MIN_INSYNC_REPLICAS"));
        });
        Assert.Equal(3, brokers.Select(b => b.Value.Scalar("environment", "KAFKA_NODE_ID")).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void GivenDeclaredTopic_WhenComposeParsed_ThenTopicInitCreatesItForProduction(string topic)
    {
        var line = TopicInitLines().FirstOrDefault(words => Workloads.ValueAfter(words, "--topic") == topic);

        Assert.True(line is not null, $"no kafka-topics.sh line with --topic {topic} in {DeployManifests.ComposeFile}");
        Assert.True(Number(line, "--partitions") >= 12, $"{topic}: --partitions 12 or more");
        Assert.True(Number(line, "--replication-factor") >= 3, $"{topic}: --replication-factor 3 or more");
        Assert.Contains("min.insync.replicas=2", line);
    }

    [Fact]
    public void GivenAssignmentsTopic_WhenComposeParsed_ThenCreatedCompacted()
    {
        var line = TopicInitLines().Single(words => Workloads.ValueAfter(words, "--topic") == KnownTopics.Assignments);

        Assert.Contains("cleanup.policy=compact", line);
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void GivenRole_WhenComposeParsed_ThenOneServiceRunsIt(string role)
    {
        var running = CareStreamServices().Where(s => Workloads.ValueAfter(Command(s.Value), "--roles") == role);

        Assert.Single(running);
    }

    [Fact]
    public void GivenCareStreamServices_WhenInspected_ThenEachWaitsForMigrateToComplete()
    {
        var services = CareStreamServices().Where(s => s.Key != "migrate").ToList();

        Assert.NotEmpty(services);
        Assert.All(services, s => Assert.Equal("service_completed_successfully", s.Value.Scalar("depends_on", "migrate", "condition")));
    }

    [Fact]
    public void GivenMigrateService_WhenInspected_ThenRunsMigrateAfterPostgresIsHealthy()
    {
        var migrate = Assert.Single(CareStreamServices(), s => Command(s.Value).Contains("migrate"));

        Assert.Equal("service_healthy", migrate.Value.Scalar("depends_on", "postgres", "condition"));
    }

    [Fact]
    public void GivenLongRunningServices_WhenInspected_ThenEachHasHealthcheck()
    {
        var oneShots = Services().SelectMany(s => s.Value.Entries("depends_on"))
            .Where(d => d.Value.Scalar("condition") == "service_completed_successfully").Select(d => d.Key).ToHashSet();

        var longRunning = Services().Where(s => !oneShots.Contains(s.Key)).ToList();

        Assert.True(longRunning.Count >= 8, $"expected kafka x3, postgres and the roles; found {longRunning.Count}");
        Assert.All(longRunning, s => Assert.True(s.Value.Child("healthcheck", "test") is not null, $"{s.Key} has no healthcheck"));
    }

    [Fact]
    public void GivenCareStreamServices_WhenInspected_ThenHealthcheckProbesReadinessAndEnvironmentNamesKafkaAndDatabase()
    {
        var roles = CareStreamServices().Where(s => s.Key != "migrate").ToList();

        Assert.All(roles, s => Assert.Contains(s.Value.Child("healthcheck", "test").Strings(), t => t.Contains("/healthz/ready", StringComparison.Ordinal)));
        Assert.All(CareStreamServices(), s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Value.Scalar("environment", "Kafka__BootstrapServers")), $"{s.Key}: Kafka__BootstrapServers");
            Assert.False(string.IsNullOrWhiteSpace(s.Value.Scalar("environment", "ConnectionStrings__CareStream")), $"{s.Key}: ConnectionStrings__CareStream");
        });
    }

    private static IReadOnlyList<KeyValuePair<string, YamlNode>> Services() => DeployManifests.ComposeServices;

    /// <summary>Services running the CareStream image (built from deploy/Dockerfile).</summary>
    private static IEnumerable<KeyValuePair<string, YamlNode>> CareStreamServices()
    {
        var image = Services().Select(s => s.Value).First(s => s.Child("build") is not null).Scalar("image");
        return Services().Where(s => s.Value.Scalar("image") == image);
    }

    private static List<string> Command(YamlNode service) => [.. service.Child("command").Strings()];

    private static IEnumerable<List<string>> TopicInitLines() =>
        Services().SelectMany(s => s.Value.Child("command").Strings().Concat(s.Value.Child("entrypoint").Strings()))
            .SelectMany(script => script.Split('\n'))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList())
            .Where(words => words.Contains("--topic"));

    private static int Number(List<string> words, string flag) =>
        int.TryParse(Workloads.ValueAfter(words, flag), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
}

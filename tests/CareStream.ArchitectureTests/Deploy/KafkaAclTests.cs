namespace CareStream.ArchitectureTests.Deploy;

/// <summary>One Kafka principal per role, with the grants its role needs and no write it should not have.</summary>
public sealed class KafkaAclTests
{
    public static TheoryData<string, string, string> RequiredGrants => new()
    {
        { "carestream-ingest", "carestream.device-observations.v1", "Write" },
        { "carestream-ingest", "carestream.device-observations.v1", "Read" },
        { "carestream-ingest", "carestream.observations.v1", "Write" },
        { "carestream-ingest", "carestream.observations.dlq.v1", "Write" },
        { "carestream-ingest", "carestream.observations.unassociated.v1", "Write" },
        { "carestream-store", "carestream.observations.unassociated.v1", "Read" },
        { "carestream-ingest", "carestream.assignments.v1", "Read" },
        { "carestream-store", "carestream.observations.v1", "Read" },
        { "carestream-rules", "carestream.observations.v1", "Read" },
        { "carestream-rules", "carestream.alerts.v1", "Write" },
        { "carestream-api", "carestream.observations.v1", "Read" },
        { "carestream-api", "carestream.alerts.v1", "Read" },
        { "carestream-notify", "carestream.alerts.v1", "Read" },
        { "carestream-notify", "carestream.notifications.dlq.v1", "Write" },
        { "carestream-rules", "carestream.patient-scores.v1", "Write" },
        { "carestream-api", "carestream.patient-scores.v1", "Read" },
        { "carestream-api", "carestream.observations.unassociated.v1", "Read" },
    };

    public static TheoryData<string, string> SingleWriterTopics => new()
    {
        { "carestream.observations.v1", "carestream-ingest" },
        // The notifier also writes its technical alarm "notification undeliverable" (docs/notifications.md).
        { "carestream.alerts.v1", "carestream-notify,carestream-rules" },
        { "carestream.observations.unassociated.v1", "carestream-ingest" },
        { "carestream.patient-scores.v1", "carestream-rules" },
    };

    [Fact]
    public void GivenKafkaUsers_WhenInspected_ThenEveryPrincipalAuthenticatesAndHasAclsOnDeclaredTopics()
    {
        var users = DeployManifests.OfKind("KafkaUser");
        var topics = DeployManifests.OfKind("KafkaTopic").Select(t => t.Root.Scalar("spec", "topicName") ?? t.Name).ToHashSet();

        Assert.NotEmpty(users);
        Assert.All(users, user =>
        {
            Assert.NotNull(user.Root.Scalar("spec", "authentication", "type"));
            Assert.NotEmpty(Acls(user));
            Assert.All(Acls(user).Where(a => a.Type == "topic"), a => Assert.Contains(a.Name, topics));
        });
    }

    [Theory]
    [MemberData(nameof(RequiredGrants))]
    public void GivenRolePrincipal_WhenAclsInspected_ThenGrantPresent(string user, string topic, string operation)
    {
        var principal = DeployManifests.OfKind("KafkaUser").SingleOrDefault(u => u.Name == user);

        Assert.True(principal is not null, $"no KafkaUser {user}");
        Assert.Contains(Acls(principal), a => a.Type == "topic" && a.Name == topic && a.Operations.Contains(operation));
    }

    [Theory]
    [MemberData(nameof(SingleWriterTopics))]
    public void GivenSingleWriterTopic_WhenAclsInspected_ThenOnlyItsOwnersMayWrite(string topic, string owner)
    {
        var writers = DeployManifests.OfKind("KafkaUser")
            .Where(u => Acls(u).Any(a => a.Type == "topic" && a.Name == topic && (a.Operations.Contains("Write") || a.Operations.Contains("All"))))
            .Select(u => u.Name);

        Assert.Equal(owner.Split(',').Order(StringComparer.Ordinal), writers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenDeployments_WhenKafkaUserConfigured_ThenPrincipalAndItsSecretExist()
    {
        var users = DeployManifests.OfKind("KafkaUser").Select(u => u.Name).ToHashSet();
        var containers = Workloads.Deployments().SelectMany(Workloads.Containers).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, c =>
        {
            var env = c.Items("env").ToDictionary(e => e.Scalar("name") ?? "", e => e);
            Assert.True(env.TryGetValue("Kafka__Client__sasl.username", out var username), "Kafka__Client__sasl.username missing");
            Assert.Contains(username.Scalar("value"), users);
            Assert.Equal(username.Scalar("value"), env["Kafka__Client__sasl.password"].Scalar("valueFrom", "secretKeyRef", "name"));
        });
    }

    private static List<Acl> Acls(ManifestDocument user) =>
        [.. user.Root.Items("spec", "authorization", "acls").Select(a => new Acl(
            a.Scalar("resource", "type") ?? "",
            a.Scalar("resource", "name") ?? "",
            [.. a.Child("operations").Strings(), .. a.Child("operation").Strings()]))];

    private sealed record Acl(string Type, string Name, IReadOnlyList<string> Operations);
}

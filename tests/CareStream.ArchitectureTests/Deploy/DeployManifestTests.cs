using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>
/// The Kubernetes manifests cannot be applied on the build machine, so their invariants are checked here:
/// durable Kafka topics, least-privilege principals, probes, resources, pinned images.
/// </summary>
public sealed class DeployManifestTests
{
    private const int MinPartitions = 12;

    public static TheoryData<string> Topics => KnownTopics.Theory;

    public static TheoryData<string> Roles => ["ingest", "store", "rules", "api,live"];

    [Fact]
    public void GivenDeployFolder_WhenParsed_ThenComposeAndKubernetesManifestsArePresent()
    {
        var kinds = DeployManifests.Kubernetes.Select(d => d.Kind).ToHashSet();

        Assert.NotEmpty(DeployManifests.ComposeServices);
        Assert.Superset(new HashSet<string?> { "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Deployment", "Job", "Service", "Ingress" }, kinds);
    }

    [Fact]
    public void GivenEveryImageReference_WhenInspected_ThenPinnedToExactVersionOrDigest()
    {
        var images = DeployManifests.All
            .SelectMany(d => d.Root.Descendants().Where(e => e.Key == "image" && e.Value is YamlScalarNode)
                .Select(e => (Where: d.File, Image: ((YamlScalarNode)e.Value).Value ?? "")))
            .Concat(KustomizeImages())
            .Concat(DockerfileImages())
            .ToList();

        var unpinned = images.Select(i => (i.Where, i.Image, Why: ImageReference.WhyNotPinned(i.Image))).Where(i => i.Why is not null);

        Assert.True(images.Count >= 5, $"expected images in compose, k8s and the Dockerfile, found {images.Count}");
        Assert.Empty(unpinned);
    }

    [Theory]
    [MemberData(nameof(Topics))]
    public void GivenDeclaredTopic_WhenKubernetesManifestsParsed_ThenKafkaTopicHasProductionShape(string topic)
    {
        var resource = DeployManifests.OfKind("KafkaTopic").SingleOrDefault(t => TopicName(t) == topic);

        Assert.True(resource is not null, $"no KafkaTopic for {topic} under {DeployManifests.KubernetesFolder}");
        AssertProductionShape(resource);
    }

    [Fact]
    public void GivenEveryKafkaTopic_WhenInspected_ThenReplicatedAndPartitionedForProduction()
    {
        var topics = DeployManifests.OfKind("KafkaTopic");

        Assert.NotEmpty(topics);
        Assert.All(topics, AssertProductionShape);
    }

    [Fact]
    public void GivenAssignmentsTopic_WhenInspected_ThenCompacted()
    {
        var resource = DeployManifests.OfKind("KafkaTopic").Single(t => TopicName(t) == KnownTopics.Assignments);

        Assert.Equal("compact", resource.Root.Scalar("spec", "config", "cleanup.policy"));
    }

    [Fact]
    public void GivenKafkaResource_WhenInspected_ThenKraftWithThreeBrokersReplicationThreeAndMinIsrTwo()
    {
        var kafka = Assert.Single(DeployManifests.OfKind("Kafka"));
        var brokers = DeployManifests.OfKind("KafkaNodePool")
            .Where(p => p.Root.Scalar("metadata", "labels", "strimzi.io/cluster") == kafka.Name)
            .Where(p => p.Root.Child("spec", "roles").Strings().Contains("broker"))
            .Sum(p => p.Root.Int("spec", "replicas") ?? 0);

        Assert.Null(kafka.Root.Child("spec", "zookeeper"));
        Assert.Equal(3, kafka.Root.Int("spec", "kafka", "config", "default.replication.factor"));
        Assert.Equal(2, kafka.Root.Int("spec", "kafka", "config", "min.insync.replicas"));
        Assert.True(brokers + (kafka.Root.Int("spec", "kafka", "replicas") ?? 0) >= 3, $"{brokers} brokers; need 3 or more");
        Assert.NotNull(kafka.Root.Scalar("spec", "kafka", "rack", "topologyKey"));
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void GivenRole_WhenKubernetesManifestsParsed_ThenOneDeploymentRunsIt(string role)
    {
        var running = Workloads.Deployments().Where(d => Workloads.Roles(d) == role);

        Assert.Single(running);
    }

    [Fact]
    public void GivenDeployments_WhenInspected_ThenReadinessAndLivenessProbeDifferentPaths()
    {
        var containers = Workloads.Deployments().SelectMany(Workloads.Containers).ToList();

        Assert.NotEmpty(containers);
        Assert.All(containers, c =>
        {
            var readiness = c.Scalar("readinessProbe", "httpGet", "path");
            var liveness = c.Scalar("livenessProbe", "httpGet", "path");
            Assert.NotEqual(readiness, liveness);
            Assert.Equal("/healthz/ready", readiness);
            Assert.Equal("/healthz/live", liveness);
        });
    }

    [Fact]
    public void GivenWorkloads_WhenInspected_ThenEveryContainerHasRequestsAndLimits()
    {
        var containers = Workloads.Deployments().Concat(DeployManifests.OfKind("Job")).SelectMany(Workloads.Containers);

        Assert.All(containers, c =>
        {
            Assert.NotNull(c.Scalar("resources", "requests", "cpu"));
            Assert.NotNull(c.Scalar("resources", "requests", "memory"));
            Assert.NotNull(c.Scalar("resources", "limits", "memory"));
        });
    }

    [Fact]
    public void GivenDeployments_WhenInspected_ThenReplicasDoNotExceedTopicPartitions()
    {
        var partitions = DeployManifests.OfKind("KafkaTopic").Min(t => t.Root.Int("spec", "partitions") ?? 0);

        Assert.All(Workloads.Deployments(), d => Assert.InRange(d.Root.Int("spec", "replicas") ?? 1, 1, partitions));
    }

    [Fact]
    public void GivenMigrateJob_WhenInspected_ThenRunsCarestreamMigrateOnce()
    {
        var job = Assert.Single(DeployManifests.OfKind("Job"), j => Workloads.Containers(j).Any(c => c.Child("args").Strings().Contains("migrate")));

        Assert.Equal("Never", job.Root.Scalar("spec", "template", "spec", "restartPolicy"));
    }

    [Fact]
    public void GivenWorkloads_WhenInspected_ThenKafkaFromEnvironmentAndConnectionStringFromSecret()
    {
        var containers = Workloads.Deployments().Concat(DeployManifests.OfKind("Job")).SelectMany(Workloads.Containers);

        Assert.All(containers, c =>
        {
            var env = c.Items("env").ToDictionary(e => e.Scalar("name") ?? "", e => e);
            Assert.True(env.ContainsKey("Kafka__BootstrapServers"), "Kafka__BootstrapServers missing");
            Assert.NotNull(env["ConnectionStrings__CareStream"].Scalar("valueFrom", "secretKeyRef", "name"));
        });
    }

    [Fact]
    public void GivenKustomization_WhenInspected_ThenListsEveryKubernetesFile()
    {
        var kustomization = Assert.Single(DeployManifests.Kubernetes, d => d.Kind == "Kustomization");
        var files = Directory.EnumerateFiles(RepositoryRoot.Combine(DeployManifests.KubernetesFolder), "*.yaml")
            .Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml")
            .Order(StringComparer.Ordinal);

        Assert.Equal(files, kustomization.Root.Child("resources").Strings().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenApi_WhenInspected_ThenServiceAndIngressRouteToIt()
    {
        var service = Assert.Single(DeployManifests.OfKind("Service"), s => s.Root.Scalar("spec", "selector", "app.kubernetes.io/component") == "api");
        var backends = DeployManifests.OfKind("Ingress").SelectMany(i => i.Root.Descendants())
            .Where(e => e.Key == "service").Select(e => e.Value.Scalar("name"));

        Assert.Contains(service.Name, backends);
    }

    private static string? TopicName(ManifestDocument topic) => topic.Root.Scalar("spec", "topicName") ?? topic.Name;

    private static void AssertProductionShape(ManifestDocument topic)
    {
        var spec = topic.Root.Child("spec");
        var partitionsException = topic.Root.Scalar("metadata", "annotations", "carestream.io/partitions-reason");

        Assert.True(spec.Int("replicas") >= 3, $"{topic}: replicas must be 3 or more");
        Assert.True(spec.Int("config", "min.insync.replicas") >= 2, $"{topic}: min.insync.replicas must be 2 or more");
        Assert.True(spec.Int("partitions") >= MinPartitions || !string.IsNullOrWhiteSpace(partitionsException),
            $"{topic}: partitions must be {MinPartitions} or more, or annotate carestream.io/partitions-reason");
    }

    private static IEnumerable<(string Where, string Image)> KustomizeImages() =>
        DeployManifests.Kubernetes.Where(d => d.Kind == "Kustomization")
            .SelectMany(k => k.Root.Items("images"))
            .Select(i => (DeployManifests.KubernetesFolder, $"{i.Scalar("name")}:{i.Scalar("newTag")}{(i.Scalar("digest") is { } d ? "@" + d : "")}"));

    private static IEnumerable<(string Where, string Image)> DockerfileImages() =>
        Dockerfile.BaseImages().Select(image => ("deploy/Dockerfile", image));
}

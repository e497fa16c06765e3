using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>Every YAML document under deploy/, parsed once (merge keys such as <c>&lt;&lt;: *anchor</c> applied).</summary>
internal static class DeployManifests
{
    public const string ComposeFile = "deploy/compose/docker-compose.yml";
    public const string KubernetesFolder = "deploy/k8s";

    private static readonly Lazy<IReadOnlyList<ManifestDocument>> Documents = new(Load);

    public static IReadOnlyList<ManifestDocument> All => Documents.Value;

    public static IEnumerable<ManifestDocument> Kubernetes =>
        All.Where(d => d.File.StartsWith(KubernetesFolder + "/", StringComparison.Ordinal));

    public static IReadOnlyList<ManifestDocument> OfKind(string kind) =>
        [.. Kubernetes.Where(d => d.Kind == kind)];

    public static YamlMappingNode Compose =>
        All.SingleOrDefault(d => d.File == ComposeFile)?.Root
        ?? throw new InvalidOperationException($"{ComposeFile} is missing or empty.");

    public static IReadOnlyList<KeyValuePair<string, YamlNode>> ComposeServices => Compose.Entries("services");

    private static List<ManifestDocument> Load()
    {
        var folder = RepositoryRoot.Combine("deploy");
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        var documents = new List<ManifestDocument>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(file);
            var stream = new YamlStream();
            stream.Load(new MergingParser(new Parser(reader)));
            documents.AddRange(stream.Documents
                .Select(d => d.RootNode)
                .OfType<YamlMappingNode>()
                .Select(root => new ManifestDocument(RepositoryRoot.Relative(file), root)));
        }

        return documents;
    }
}

using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>One YAML document from a file under deploy/ (files may hold several documents).</summary>
internal sealed record ManifestDocument(string File, YamlMappingNode Root)
{
    public string? Kind => Root.Scalar("kind");

    public string? Name => Root.Scalar("metadata", "name");

    public override string ToString() => $"{Kind ?? "document"} '{Name}' in {File}";
}

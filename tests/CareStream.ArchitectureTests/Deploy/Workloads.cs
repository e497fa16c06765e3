using YamlDotNet.RepresentationModel;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>Helpers over Kubernetes Deployments and Jobs.</summary>
internal static class Workloads
{
    public static IReadOnlyList<ManifestDocument> Deployments() => DeployManifests.OfKind("Deployment");

    public static IReadOnlyList<YamlNode> Containers(ManifestDocument workload) =>
        workload.Root.Items("spec", "template", "spec", "containers");

    /// <summary>The value after <c>--roles</c> in the first container's args, or null.</summary>
    public static string? Roles(ManifestDocument workload)
    {
        var containers = Containers(workload);
        return containers.Count == 0 ? null : ValueAfter([.. containers[0].Child("args").Strings()], "--roles");
    }

    public static string? ValueAfter(IReadOnlyList<string> args, string flag)
    {
        var index = args.ToList().IndexOf(flag);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }
}

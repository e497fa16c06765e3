using System.Xml.Linq;

namespace CareStream.ArchitectureTests.Dependencies;

/// <summary>The references a src/ project file declares (project, package and framework references).</summary>
internal static class ProjectFile
{
    public static string PathOf(string project) => RepositoryRoot.Combine("src", project, project + ".csproj");

    public static IReadOnlyList<string> References(string project)
    {
        var document = XDocument.Load(PathOf(project));
        var items = document.Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference" or "FrameworkReference")
            .Select(e => (Kind: e.Name.LocalName, Include: (string?)e.Attribute("Include") ?? ""));

        return [.. items.Select(i => i.Kind == "ProjectReference"
            ? Path.GetFileNameWithoutExtension(i.Include.Replace('\\', '/'))
            : i.Include)];
    }

    public static IReadOnlyList<string> SourceProjects() =>
        [.. Directory.EnumerateDirectories(RepositoryRoot.Combine("src"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal)];
}

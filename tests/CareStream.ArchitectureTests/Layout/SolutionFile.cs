using System.Text.RegularExpressions;

namespace CareStream.ArchitectureTests.Layout;

/// <summary>Reads CareStream.sln: its projects and the solution folder each one is nested under.</summary>
internal static partial class SolutionFile
{
    private const string SolutionFolderType = "2150E333-8FDC-42A3-9474-1A3956D46DE8";

    /// <summary>Project path (forward slashes, relative to the root) mapped to its solution folder name.</summary>
    public static IReadOnlyDictionary<string, string?> ProjectFolders()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("CareStream.sln"));
        var entries = ProjectLine().Matches(text).Select(m => (
            Type: m.Groups["type"].Value.ToUpperInvariant(),
            Name: m.Groups["name"].Value,
            Path: m.Groups["path"].Value.Replace('\\', '/'),
            Id: m.Groups["id"].Value.ToUpperInvariant())).ToList();
        var folders = entries.Where(e => e.Type == SolutionFolderType).ToDictionary(e => e.Id, e => e.Name);
        var parents = NestedLine().Matches(text)
            .ToDictionary(m => m.Groups["child"].Value.ToUpperInvariant(), m => m.Groups["parent"].Value.ToUpperInvariant());

        return entries.Where(e => e.Type != SolutionFolderType && e.Path.EndsWith("proj", StringComparison.Ordinal))
            .ToDictionary(e => e.Path, e => parents.TryGetValue(e.Id, out var parent) ? folders.GetValueOrDefault(parent) : null);
    }

    [GeneratedRegex("""Project\("\{(?<type>[0-9A-Fa-f-]+)\}"\)\s*=\s*"(?<name>[^"]+)",\s*"(?<path>[^"]+)",\s*"\{(?<id>[0-9A-Fa-f-]+)\}""")]
    private static partial Regex ProjectLine();

    [GeneratedRegex("""^\s*\{(?<child>[0-9A-Fa-f-]+)\}\s*=\s*\{(?<parent>[0-9A-Fa-f-]+)\}\s*$""", RegexOptions.Multiline)]
    private static partial Regex NestedLine();
}

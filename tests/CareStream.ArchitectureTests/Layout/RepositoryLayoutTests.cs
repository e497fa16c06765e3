using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CareStream.ArchitectureTests.Layout;

/// <summary>style.md sections 2 and 14: required entries, solution folders that mirror the disk, build hygiene.</summary>
public sealed partial class RepositoryLayoutTests
{
    /// <summary>Microsoft.* packages that ship on their own cadence, not with the .NET 10.0.x runtime.</summary>
    private static readonly Dictionary<string, string> IndependentlyVersioned = new()
    {
        ["Microsoft.NET.Test.Sdk"] = "the VSTest platform; versioned with Visual Studio (17.x, 18.x), not with .NET",
        ["Microsoft.Playwright"] = "versioned with Playwright's browser protocol (1.x)",
        ["Microsoft.Extensions.TimeProvider.Testing"] = "ships from dotnet/extensions on its own monthly cadence",
    };

    public static TheoryData<string> RequiredEntries =>
    [
        "src", "tests", "fhir-profiles", "deploy", "CareStream.sln", "README.md", "global.json",
        "Directory.Build.props", "Directory.Packages.props", ".editorconfig", ".gitignore",
    ];

    public static TheoryData<string> SolutionFolders => ["src", "tests"];

    [Theory]
    [MemberData(nameof(RequiredEntries))]
    public void GivenRepositoryRoot_WhenListed_ThenRequiredEntryExists(string entry)
    {
        var path = RepositoryRoot.Combine(entry);

        var exists = File.Exists(path) || Directory.Exists(path);

        Assert.True(exists, $"{entry} is missing at the repository root (style.md section 2)");
    }

    [Theory]
    [MemberData(nameof(SolutionFolders))]
    public void GivenProjectsOnDisk_WhenSolutionParsed_ThenEachIsInItsMatchingSolutionFolder(string folder)
    {
        var onDisk = Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*.csproj", SearchOption.AllDirectories)
            .Where(p => !IsBuildOutput(p))
            .Select(RepositoryRoot.Relative).ToList();
        var solution = SolutionFile.ProjectFolders();

        var misplaced = onDisk.Where(p => !solution.TryGetValue(p, out var parent) || parent != folder);

        Assert.NotEmpty(onDisk);
        Assert.Empty(misplaced);
    }

    [Fact]
    public void GivenSolution_WhenParsed_ThenEveryProjectPathExists()
    {
        var projects = SolutionFile.ProjectFolders().Keys;

        var missing = projects.Where(p => !File.Exists(RepositoryRoot.Combine(p)));

        Assert.Empty(missing);
    }

    [Fact]
    public void GivenBuildFiles_WhenWarningsSuppressed_ThenReasonCommentIsAdjacent()
    {
        var files = BuildFiles().ToList();

        var unexplained = files.SelectMany(file =>
        {
            var lines = File.ReadAllLines(file);
            return lines.Select((line, index) => (line, index))
                .Where(l => Suppression().IsMatch(l.line) && !HasAdjacentComment(lines, l.index))
                .Select(l => $"{RepositoryRoot.Relative(file)}:{l.index + 1}: {l.line.Trim()}");
        });

        Assert.NotEmpty(files);
        Assert.Empty(unexplained);
    }

    [Fact]
    public void GivenCentralPackageVersions_WhenMicrosoftPackagesListed_ThenPinnedToDotNet10()
    {
        var versions = CentralVersions();

        var offVersion = versions
            .Where(v => v.Key.StartsWith("Microsoft.", StringComparison.Ordinal) && !IndependentlyVersioned.ContainsKey(v.Key))
            .Where(v => !DotNet10Patch().IsMatch(v.Value))
            .Select(v => $"{v.Key} {v.Value}");

        Assert.Contains(versions.Keys, k => k.StartsWith("Microsoft.", StringComparison.Ordinal));
        Assert.Empty(offVersion);
    }

    [Fact]
    public void GivenVersionAllowList_WhenCentralVersionsRead_ThenEveryExceptionIsStillInUse()
    {
        var versions = CentralVersions();

        var stale = IndependentlyVersioned.Keys.Where(k => !versions.ContainsKey(k));

        Assert.Empty(stale);
    }

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static IEnumerable<string> BuildFiles() =>
        new[] { "*.props", "*.targets", "*.csproj" }
            .SelectMany(pattern => Directory.EnumerateFiles(RepositoryRoot.Path, pattern, SearchOption.AllDirectories))
            .Where(p => !IsBuildOutput(p) && !RepositoryRoot.Relative(p).StartsWith('.'));

    /// <summary>A comment on the line itself, in the two lines above, or on the line below.</summary>
    private static bool HasAdjacentComment(string[] lines, int index) =>
        Enumerable.Range(index - 2, 4).Where(i => i >= 0 && i < lines.Length).Any(i => lines[i].Contains("<!--", StringComparison.Ordinal));

    /// <summary>PackageVersion Include -> version, with $(Property) references resolved from the same file.</summary>
    private static Dictionary<string, string> CentralVersions()
    {
        var document = XDocument.Load(RepositoryRoot.Combine("Directory.Packages.props"));
        var properties = document.Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup")
            .ToDictionary(e => e.Name.LocalName, e => e.Value.Trim());

        return document.Descendants().Where(e => e.Name.LocalName == "PackageVersion")
            .ToDictionary(
                e => (string?)e.Attribute("Include") ?? "",
                e => PropertyReference().Replace((string?)e.Attribute("Version") ?? "", m => properties.GetValueOrDefault(m.Groups[1].Value, m.Value)));
    }

    [GeneratedRegex(@"<NoWarn\b|\bNoWarn\s*=|<WarningsNotAsErrors\b|<TreatWarningsAsErrors>\s*false|#pragma\s+warning\s+disable")]
    private static partial Regex Suppression();

    [GeneratedRegex(@"^10\.0\.\d+$")]
    private static partial Regex DotNet10Patch();

    [GeneratedRegex(@"\$\((\w+)\)")]
    private static partial Regex PropertyReference();
}

namespace CareStream.ArchitectureTests;

/// <summary>Finds the repository root (the folder holding CareStream.sln) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public static string Relative(string fullPath) =>
        System.IO.Path.GetRelativePath(Path, fullPath).Replace('\\', '/');

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CareStream.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No CareStream.sln above {AppContext.BaseDirectory}: run the tests from a clone of the repository.");
    }
}

namespace CareStream.Testing.Hosting;

/// <summary>Finds the repository and the built <c>carestream</c> host from a test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding CareStream.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The host's own build output (same configuration as the running tests), so the process runs with its
    /// own runtimeconfig and appsettings exactly as <c>dotnet run</c> would.
    /// </summary>
    public static string HostAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Debug";
            var path = Path.Combine(Root, "src", "CareStream.Host", "bin", configuration, "net10.0", "carestream.dll");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException(
                    $"The host is not built at {path}; build the solution first (dotnet build CareStream.sln -c {configuration}).", path);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareStream.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("CareStream.sln not found above " + AppContext.BaseDirectory);
    }
}

using System.Diagnostics;

namespace CareStream.Bench.Running;

/// <summary>Where the harness runs: the repository, the host build to start, the commit and the machine.</summary>
public static class RunEnvironment
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The host built in the harness's own configuration (the project reference builds it).</summary>
    public static string HostAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent?.Name ?? "Release";
        var path = Path.Combine(RepositoryRoot, "src", "CareStream.Host", "bin", configuration, "net10.0", "carestream.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The host is not built at {path}: dotnet build src/CareStream.Host -c {configuration}", path);
    }

    public static string Commit()
    {
        var commit = Run("git", "-C", RepositoryRoot, "rev-parse", "--short", "HEAD");
        var dirty = Run("git", "-C", RepositoryRoot, "status", "--porcelain", "--untracked-files=no");
        return string.IsNullOrWhiteSpace(dirty) ? commit : commit + "+dirty";
    }

    public static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return $"{model}, nproc {Environment.ProcessorCount}, {long.Parse(memory, System.Globalization.CultureInfo.InvariantCulture) / 1048576.0:0} GiB RAM, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
    }

    private static string Run(string file, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
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

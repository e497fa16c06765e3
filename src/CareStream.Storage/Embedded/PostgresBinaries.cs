using System.Diagnostics;

namespace CareStream.Storage.Embedded;

/// <summary>Finds the directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
public static class PostgresBinaries
{
    private static readonly string[] Required = ["initdb", "pg_ctl", "postgres"];

    /// <summary>
    /// Order: the configured directory; <c>pg_config --bindir</c> from PATH; the newest <c>/usr/lib/postgresql/N/bin</c>.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No candidate holds all server binaries.</exception>
    public static string Locate(string? configuredDirectory, string debianRoot = "/usr/lib/postgresql")
    {
        var searched = new List<string>();
        if (configuredDirectory is not null)
        {
            // An explicit setting is never silently replaced by a guess.
            return HasServerBinaries(configuredDirectory)
                ? configuredDirectory
                : throw PostgresBinariesNotFoundException.For([$"{configuredDirectory} (Storage:PostgresBinDirectory)"]);
        }

        if (PgConfigBinDirectory() is { } fromPgConfig)
        {
            searched.Add($"{fromPgConfig} (pg_config --bindir)");
            if (HasServerBinaries(fromPgConfig))
            {
                return fromPgConfig;
            }
        }

        searched.Add($"{debianRoot}/<version>/bin");
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Dir: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
                .Where(c => c.Version >= 0 && HasServerBinaries(c.Dir))
                .OrderByDescending(c => c.Version)
                .FirstOrDefault();
            if (newest.Dir is not null)
            {
                return newest.Dir;
            }
        }

        throw PostgresBinariesNotFoundException.For(searched);
    }

    private static bool HasServerBinaries(string directory) =>
        Required.All(name => File.Exists(Path.Combine(directory, name)));

    private static string? PgConfigBinDirectory()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pg_config", "--bindir")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return null;
            }

            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 && output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // pg_config is not on PATH
        }
    }
}

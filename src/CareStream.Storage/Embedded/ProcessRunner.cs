using System.Diagnostics;

namespace CareStream.Storage.Embedded;

/// <summary>Runs a PostgreSQL tool, as the <c>postgres</c> OS user when this process is root.</summary>
internal static class ProcessRunner
{
    public const string ServerUser = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    public static async Task<string> RunAsync(string fileName, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asServerUser && IsRoot)
        {
            startInfo.FileName = "runuser";
            foreach (var prefix in new[] { "-u", ServerUser, "--", fileName })
            {
                startInfo.ArgumentList.Add(prefix);
            }
        }
        else
        {
            startInfo.FileName = fileName;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(startInfo)
            ?? throw new EmbeddedPostgresException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var output = (await stdout) + (await stderr);
        if (process.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output.Trim()}");
        }

        return output;
    }

    public static Task ChownToServerUserAsync(string path, CancellationToken cancellationToken) =>
        RunAsync("chown", ["-R", $"{ServerUser}:{ServerUser}", path], asServerUser: false, cancellationToken);
}

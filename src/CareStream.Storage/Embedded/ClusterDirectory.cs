using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace CareStream.Storage.Embedded;

/// <summary>
/// The embedded cluster's data directory: created owner-only (0700), owned by <c>postgres</c> when this process is
/// root, initialized once by <c>initdb</c> with scram-sha-256 and a generated superuser password kept beside the
/// cluster files in <see cref="PasswordFileName"/> (0600).
/// </summary>
internal static class ClusterDirectory
{
    public const string PasswordFileName = "carestream.password";

    public static async Task PrepareAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var parent = Path.GetDirectoryName(dataDirectory)!;
        Directory.CreateDirectory(parent);
        if (ProcessRunner.IsRoot)
        {
            for (var dir = parent; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (!IsSearchableByOthers(dir))
                {
                    throw new EmbeddedPostgresException(
                        $"The server runs as the '{ProcessRunner.ServerUser}' user, which cannot reach '{dataDirectory}' because '{dir}' is not searchable by others. "
                        + "Set Storage:EmbeddedDataDirectory to a directory such as /var/lib/carestream/postgres.");
                }
            }
        }

        if (!Directory.Exists(dataDirectory))
        {
            Directory.CreateDirectory(dataDirectory);
            SetOwnerOnly(dataDirectory, UnixFileMode.UserExecute);
        }

        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.ChownToServerUserAsync(dataDirectory, cancellationToken);
        }
    }

    public static async Task InitializeAsync(string dataDirectory, string binDirectory, string superUser, ILogger logger, CancellationToken cancellationToken)
    {
        Log.EmbeddedInitializing(logger, dataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(Path.GetTempPath(), $"carestream-initdb-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        SetOwnerOnly(passwordFile);
        try
        {
            if (ProcessRunner.IsRoot)
            {
                await ProcessRunner.ChownToServerUserAsync(passwordFile, cancellationToken);
            }

            await ProcessRunner.RunAsync(
                Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", superUser, "--pwfile", passwordFile, "-E", "UTF8", "--locale", "C",
                 "--auth-local", "scram-sha-256", "--auth-host", "scram-sha-256", "--no-instructions"],
                asServerUser: true,
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }

        var storedPassword = Path.Combine(dataDirectory, PasswordFileName);
        await File.WriteAllTextAsync(storedPassword, password, cancellationToken);
        SetOwnerOnly(storedPassword);
        if (ProcessRunner.IsRoot)
        {
            await ProcessRunner.ChownToServerUserAsync(storedPassword, cancellationToken);
        }
    }

    public static bool IsSearchableByOthers(string directory) =>
        OperatingSystem.IsWindows() || File.GetUnixFileMode(directory).HasFlag(UnixFileMode.OtherExecute);

    public static void SetOwnerOnly(string path, UnixFileMode extra = UnixFileMode.None)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | extra);
        }
    }
}

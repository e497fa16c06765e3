using CareStream.Storage.Embedded;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareStream.Testing.Postgres;

/// <summary>
/// One private PostgreSQL cluster per test process (temp data directory, loopback port), started on first use and
/// stopped at process exit. Missing binaries fail with <see cref="PostgresBinariesNotFoundException"/>, whose
/// message names the fix; tests never skip.
/// </summary>
public static class PostgresTestCluster
{
    private static readonly Lazy<Task<EmbeddedPostgresServer>> Shared = new(StartSharedAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running shared cluster.</summary>
    public static Task<EmbeddedPostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new, not yet started server on its own temp directory (for tests that stop or crash it).</summary>
    public static EmbeddedPostgresServer CreatePrivate(string? binDirectory = null) =>
        new(Path.Combine(NewTempDirectory(), "data"), binDirectory, NullLogger<EmbeddedPostgresServer>.Instance);

    /// <summary>A fresh directory under the temp folder that the <c>postgres</c> user can traverse.</summary>
    public static string NewTempDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"carestream-test-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        return directory;
    }

    /// <summary>Stops the server and deletes its temp directory (best effort: a test run must not fail on cleanup).</summary>
    public static async Task DestroyAsync(EmbeddedPostgresServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        await server.DisposeAsync();
        try
        {
            Directory.Delete(Path.GetDirectoryName(server.DataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<EmbeddedPostgresServer> StartSharedAsync()
    {
        var server = CreatePrivate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DestroyAsync(server).GetAwaiter().GetResult();
        await server.StartAsync(CancellationToken.None);
        return server;
    }
}

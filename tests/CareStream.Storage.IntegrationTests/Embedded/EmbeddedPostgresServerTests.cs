using CareStream.Storage.Embedded;
using CareStream.Testing.Postgres;
using Npgsql;

namespace CareStream.Storage.IntegrationTests.Embedded;

[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the embedded cluster is a Linux/Unix feature
public sealed class EmbeddedPostgresServerTests
{
    [Fact]
    public async Task GivenFreshDirectory_WhenStartedStoppedAndStartedAgain_ThenTheDataIsReused()
    {
        var server = PostgresTestCluster.CreatePrivate();
        try
        {
            await server.StartAsync(TestContext.Current.CancellationToken);
            await ExecuteAsync(server, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)");
            var firstPort = server.Port;
            await server.StopAsync(TestContext.Current.CancellationToken);
            Assert.False(server.IsRunning);

            await server.StartAsync(TestContext.Current.CancellationToken);

            Assert.Equal(42, await ExecuteAsync(server, "SELECT v FROM kept"));
            Assert.NotEqual(0, firstPort);
            Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(server.ConnectionString).Host);
            Assert.Equal("127.0.0.1", await ExecuteAsync(server, "SHOW listen_addresses"));
            var passwordFile = Path.Combine(server.DataDirectory, "carestream.password");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(passwordFile));
        }
        finally
        {
            await PostgresTestCluster.DestroyAsync(server);
        }
    }

    [Fact]
    public async Task GivenServerLeftRunningByAnEarlierProcess_WhenANewInstanceStarts_ThenItTakesOverTheCluster()
    {
        var crashed = PostgresTestCluster.CreatePrivate();
        var next = new EmbeddedPostgresServer(crashed.DataDirectory, null, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddedPostgresServer>.Instance);
        try
        {
            await crashed.StartAsync(TestContext.Current.CancellationToken);
            await ExecuteAsync(crashed, "CREATE TABLE kept (v int); INSERT INTO kept VALUES (7)");

            await next.StartAsync(TestContext.Current.CancellationToken);

            Assert.Equal(7, await ExecuteAsync(next, "SELECT v FROM kept"));
        }
        finally
        {
            await next.DisposeAsync();
            await PostgresTestCluster.DestroyAsync(crashed);
        }
    }

    [Fact]
    public async Task GivenNoPostgresBinaries_WhenStarted_ThenOneErrorNamesTheFix()
    {
        var emptyBin = PostgresTestCluster.NewTempDirectory();
        var server = PostgresTestCluster.CreatePrivate(emptyBin);

        var error = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(() => server.StartAsync(TestContext.Current.CancellationToken));
        await PostgresTestCluster.DestroyAsync(server);
        Directory.Delete(emptyBin);

        Assert.Contains("apt-get install postgresql", error.Message, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:CareStream", error.Message, StringComparison.Ordinal);
        Assert.Contains(emptyBin, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenDataDirectoryUnderAnOwnerOnlyFolder_WhenStarted_ThenRootGetsAnErrorNamingTheSettingAndOthersStart()
    {
        var root = PostgresTestCluster.NewTempDirectory();
        var privateFolder = Path.Combine(root, "private");
        Directory.CreateDirectory(privateFolder);
        File.SetUnixFileMode(privateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var server = new EmbeddedPostgresServer(Path.Combine(privateFolder, "data"), null, Microsoft.Extensions.Logging.Abstractions.NullLogger<EmbeddedPostgresServer>.Instance);
        try
        {
            var error = await Record.ExceptionAsync(() => server.StartAsync(TestContext.Current.CancellationToken));

            if (Environment.UserName == "root")
            {
                Assert.Contains("Storage:EmbeddedDataDirectory", Assert.IsType<EmbeddedPostgresException>(error).Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Null(error);
            }
        }
        finally
        {
            await server.DisposeAsync();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void GivenNoDebianInstallAndNoConfiguredDirectory_WhenLocated_ThenPathFromPgConfigOrTheClearErrorResults()
    {
        var missingRoot = Path.Combine(Path.GetTempPath(), $"carestream-no-such-dir-{Guid.NewGuid():N}");

        var located = Record.Exception(() => PostgresBinaries.Locate(null, missingRoot)) is { } error
            ? Assert.IsType<PostgresBinariesNotFoundException>(error).Message
            : PostgresBinaries.Locate(null, missingRoot);

        Assert.True(File.Exists(Path.Combine(located, "initdb")) || located.Contains("apt-get install postgresql", StringComparison.Ordinal));
    }

    internal static async Task<object?> ExecuteAsync(EmbeddedPostgresServer server, string sql)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }
}

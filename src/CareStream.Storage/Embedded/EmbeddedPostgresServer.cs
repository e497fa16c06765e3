using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CareStream.Storage.Embedded;

/// <summary>
/// A private PostgreSQL cluster provisioned from the machine's install: <c>initdb</c> once (scram-sha-256, superuser
/// <c>carestream</c> with a generated password kept in <c>carestream.password</c>, mode 0600, inside the data
/// directory), started by <c>pg_ctl</c> on a free 127.0.0.1 port (unix socket inside the data directory), stopped
/// with <c>pg_ctl stop -m fast</c>. As root the server runs as the <c>postgres</c> user, which owns the data directory.
/// </summary>
public sealed class EmbeddedPostgresServer : IAsyncDisposable
{
    public const string DatabaseName = "carestream";
    public const string SuperUser = "carestream";

    private readonly string? _configuredBinDirectory;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _binDirectory;
    private string? _password;
    private int _disposed;

    public EmbeddedPostgresServer(string dataDirectory, string? binDirectory, ILogger<EmbeddedPostgresServer> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(logger);
        DataDirectory = Path.GetFullPath(dataDirectory);
        _configuredBinDirectory = binDirectory;
        _logger = logger;
    }

    public string DataDirectory { get; }

    /// <summary>The loopback port while running, otherwise 0.</summary>
    public int Port { get; private set; }

    public bool IsRunning => Port != 0;

    /// <summary>Connection string of the <c>carestream</c> database; only valid while running.</summary>
    public string ConnectionString => GetConnectionString(DatabaseName);

    /// <summary>The default data directory: /var/lib/carestream/postgres as root, else the user's data folder.</summary>
    public static string DefaultDataDirectory() => ProcessRunner.IsRoot
        ? "/var/lib/carestream/postgres"
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "carestream", "postgres");

    public string GetConnectionString(string database)
    {
        if (!IsRunning || _password is null)
        {
            throw new InvalidOperationException("The embedded PostgreSQL server is not running.");
        }

        return new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = Port,
            Database = database,
            Username = SuperUser,
            Password = _password,
        }.ConnectionString;
    }

    /// <summary>Initializes the cluster if needed, starts it and ensures the <c>carestream</c> database exists.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (IsRunning)
            {
                return;
            }

            _binDirectory ??= PostgresBinaries.Locate(_configuredBinDirectory);
            await ClusterDirectory.PrepareAsync(DataDirectory, cancellationToken);
            if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            {
                await ClusterDirectory.InitializeAsync(DataDirectory, _binDirectory!, SuperUser, _logger, cancellationToken);
            }

            _password = (await File.ReadAllTextAsync(Path.Combine(DataDirectory, ClusterDirectory.PasswordFileName), cancellationToken)).Trim();
            if (await IsServerRunningAsync(cancellationToken))
            {
                // A previous host died without stopping its server: stop it, then start on a fresh port.
                Log.EmbeddedStaleServerStopping(_logger, DataDirectory);
                await PgCtlAsync(["stop", "-m", "fast", "-w"], cancellationToken);
            }

            var port = FreeLoopbackPort();
            var serverOptions = $"-p {port} -c listen_addresses=127.0.0.1 -k '{DataDirectory}'";
            await PgCtlAsync(
                ["start", "-w", "-t", "120", "-l", Path.Combine(DataDirectory, "server.log"), "-o", serverOptions],
                cancellationToken);
            Port = port;
            await WaitForConnectionsAsync(cancellationToken);
            await EnsureDatabaseAsync(DatabaseName, cancellationToken);
            Log.EmbeddedStarted(_logger, port, DataDirectory);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the server with <c>pg_ctl stop -m fast</c> (clean shutdown, checkpoint written).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => StopAsync("fast", cancellationToken);

    /// <summary><c>immediate</c> simulates a crash (no checkpoint, WAL replay on the next start); used by tests.</summary>
    internal async Task StopAsync(string mode, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsRunning)
            {
                return;
            }

            NpgsqlConnection.ClearAllPools();
            try
            {
                await PgCtlAsync(["stop", "-m", mode, "-w", "-t", "120"], cancellationToken);
            }
            catch (EmbeddedPostgresException) when (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                // Already stopped (e.g. another instance took the cluster over): the state we wanted.
            }

            Port = 0;
            Log.EmbeddedStopped(_logger, DataDirectory, mode);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Creates <paramref name="database"/> when it does not exist.</summary>
    public async Task EnsureDatabaseAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(GetConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Idempotent: DI may reach this instance through more than one registration.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await StopAsync(CancellationToken.None);
            _gate.Dispose();
        }
    }

    private async Task<bool> IsServerRunningAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PgCtlAsync(["status"], cancellationToken);
            return true;
        }
        catch (EmbeddedPostgresException)
        {
            return false; // exit code 3: not running (a stale postmaster.pid is handled by pg_ctl start)
        }
    }

    private Task<string> PgCtlAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", DataDirectory, .. arguments], asServerUser: true, cancellationToken);

    private async Task WaitForConnectionsAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(GetConnectionString("postgres") + ";Pooling=false");
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

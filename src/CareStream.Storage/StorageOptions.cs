using System.ComponentModel.DataAnnotations;

namespace CareStream.Storage;

/// <summary>
/// Settings of the storage layer (section <c>Storage</c>). The connection string is read from
/// <c>ConnectionStrings:CareStream</c>; when it is absent the host runs a private (embedded) PostgreSQL cluster.
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Name of the connection string (<c>ConnectionStrings:CareStream</c>).</summary>
    public const string ConnectionStringName = "CareStream";

    /// <summary>Copied from <c>ConnectionStrings:CareStream</c>; null means "run the embedded cluster".</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Data directory of the embedded cluster. Default: <c>/var/lib/carestream/postgres</c> when running as root
    /// (the server then runs as the <c>postgres</c> user, which cannot reach <c>/root</c>), otherwise
    /// <c>$XDG_DATA_HOME</c> (or <c>~/.local/share</c>) <c>/carestream/postgres</c>.
    /// </summary>
    public string? EmbeddedDataDirectory { get; set; }

    /// <summary>Directory holding <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>; found automatically when null.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>Days of raw readings kept; older day partitions are dropped.</summary>
    [Range(1, 36500, ErrorMessage = "Storage:RetentionDays must be between 1 and 36500.")]
    public int RetentionDays { get; set; } = 30;

    /// <summary>Days of 1-minute trend rows kept (the tier that serves long trend views).</summary>
    [Range(1, 36500, ErrorMessage = "Storage:TrendRetentionDays must be between 1 and 36500.")]
    public int TrendRetentionDays { get; set; } = 365;

    /// <summary>Day partitions created ahead of today by the maintenance worker.</summary>
    [Range(1, 60, ErrorMessage = "Storage:PartitionsAheadDays must be between 1 and 60.")]
    public int PartitionsAheadDays { get; set; } = 3;

    /// <summary>How often the partition maintenance worker runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Storage:MaintenanceInterval must be between 1 second and 1 day.")]
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retries of a batch write after a transient error (connection refused, server shutdown).</summary>
    [Range(0, 20, ErrorMessage = "Storage:WriteRetryCount must be between 0 and 20.")]
    public int WriteRetryCount { get; set; } = 5;

    /// <summary>
    /// How long a batch write keeps retrying while the database is unreachable (connection refused, shutdown) before
    /// it gives up and the store consumer faults. Meanwhile the consumer is paused on that batch with no offset
    /// stored and readiness reports the database down. Keep it below the consumers' <c>max.poll.interval.ms</c>
    /// (librdkafka default 300 s), or the group evicts the paused member.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:04:30", ErrorMessage = "Storage:WriteOutageTimeout must be between 0 and 4.5 minutes (below max.poll.interval.ms).")]
    public TimeSpan WriteOutageTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Upper bound of the host's Npgsql connection pool (all roles share one data source). Npgsql's default (100)
    /// equals PostgreSQL's default <c>max_connections</c> (100), so an overloaded API could exhaust the server
    /// (<c>53300 too many clients</c>) and starve the store and the migrations. On a few cores more connections than
    /// this only queue inside PostgreSQL. A <c>Maximum Pool Size</c> in the connection string wins over this setting.
    /// Keep it below the server's <c>max_connections</c> minus other clients.
    /// </summary>
    [Range(4, 1000, ErrorMessage = "Storage:MaxPoolSize must be between 4 and 1000.")]
    public int MaxPoolSize { get; set; } = 32;

    /// <summary>
    /// Statements Npgsql prepares automatically per connection after a few uses (<c>Max Auto Prepare</c>; 0 turns
    /// it off). Prepared, the history search skips PostgreSQL's planning, which costs as much as executing it over the
    /// day partitions. A <c>Max Auto Prepare</c> in the connection string wins over this setting.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "Storage:MaxAutoPrepare must be between 0 and 1000.")]
    public int MaxAutoPrepare { get; set; } = 64;

    /// <summary>
    /// Apply migrations at startup. Null means "only for the embedded cluster"; a shared cluster is migrated once
    /// by <c>carestream migrate</c> so that replicas never race.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>True when no connection string is configured.</summary>
    public bool UsesEmbeddedServer => string.IsNullOrWhiteSpace(ConnectionString);
}

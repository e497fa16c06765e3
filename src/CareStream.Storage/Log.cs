using Microsoft.Extensions.Logging;

namespace CareStream.Storage;

/// <summary>Storage log messages; EventIds 2000-2999. Ids and counts only, never patient data.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "Initializing embedded PostgreSQL cluster in {DataDirectory}")]
    public static partial void EmbeddedInitializing(ILogger logger, string dataDirectory);

    [LoggerMessage(2001, LogLevel.Warning, "Embedded PostgreSQL (development default) listening on 127.0.0.1:{Port}, data in {DataDirectory}; set ConnectionStrings:CareStream for a real deployment")]
    public static partial void EmbeddedStarted(ILogger logger, int port, string dataDirectory);

    [LoggerMessage(2002, LogLevel.Information, "Embedded PostgreSQL in {DataDirectory} stopped (mode {Mode})")]
    public static partial void EmbeddedStopped(ILogger logger, string dataDirectory, string mode);

    [LoggerMessage(2003, LogLevel.Warning, "A server left running on {DataDirectory} by an earlier process is being stopped")]
    public static partial void EmbeddedStaleServerStopping(ILogger logger, string dataDirectory);

    [LoggerMessage(2010, LogLevel.Information, "Applying storage migrations")]
    public static partial void ApplyingMigrations(ILogger logger);

    [LoggerMessage(2020, LogLevel.Warning, "Transient database error writing a batch of {Count} readings (attempt {Attempt}), retrying in {Delay}")]
    public static partial void WriteRetry(ILogger logger, Exception exception, int count, int attempt, TimeSpan delay);

    [LoggerMessage(2030, LogLevel.Debug, "Ensured observation partition {Partition} exists")]
    public static partial void PartitionCreated(ILogger logger, string partition);

    [LoggerMessage(2031, LogLevel.Information, "Dropped observation partition {Partition} (retention)")]
    public static partial void PartitionDropped(ILogger logger, string partition);

    [LoggerMessage(2033, LogLevel.Information, "Compacted the index of observation partition {Partition}")]
    public static partial void PartitionCompacted(ILogger logger, string partition);

    [LoggerMessage(2032, LogLevel.Error, "Partition maintenance failed; retrying at the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(2040, LogLevel.Warning, "Ignored assignment of device {Device} valid from {ValidFrom}: a newer assignment is already stored")]
    public static partial void StaleAssignmentIgnored(ILogger logger, string device, DateTimeOffset validFrom);
}

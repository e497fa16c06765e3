using Microsoft.Extensions.Logging;

namespace CareStream.Auth;

// EventIds 9500-9599 (after Bench 9000-9499).
internal static partial class Log
{
    [LoggerMessage(EventId = 9500, Level = LogLevel.Warning, Message = "Created development signing and encryption keys in {DataDirectory}; configure Auth:Authority for a real deployment")]
    public static partial void CreatedDevelopmentKeys(ILogger logger, string dataDirectory);

    [LoggerMessage(EventId = 9501, Level = LogLevel.Information, Message = "Auth store migrated")]
    public static partial void Migrated(ILogger logger);

    [LoggerMessage(EventId = 9502, Level = LogLevel.Warning, Message = "Seeded demo identity data: {Users} users, {Clients} clients (documented demo passwords; never in production)")]
    public static partial void SeededDemoData(ILogger logger, int users, int clients);

    [LoggerMessage(EventId = 9503, Level = LogLevel.Information, Message = "Failed login on the embedded server")]
    public static partial void FailedLogin(ILogger logger);

    [LoggerMessage(EventId = 9504, Level = LogLevel.Information, Message = "Using external identity provider {Authority}; the embedded server is disabled")]
    public static partial void ExternalAuthority(ILogger logger, string authority);

    [LoggerMessage(EventId = 9510, Level = LogLevel.Error, Message = "Writing {Count} audit events failed (attempt {Attempt}); the batch is kept and retried")]
    public static partial void AuditBatchFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(EventId = 9511, Level = LogLevel.Critical, Message = "{Count} audit events could not be written before the shutdown timeout")]
    public static partial void AuditEventsUnwritten(ILogger logger, int count);
}

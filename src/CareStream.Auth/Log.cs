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
}

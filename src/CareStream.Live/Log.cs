using Microsoft.Extensions.Logging;

namespace CareStream.Live;

internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Live relay skipped an unreadable canonical observation at {Coordinates} ({ErrorCode})")]
    public static partial void SkippedInvalid(ILogger logger, string coordinates, string errorCode);
}

using Microsoft.Extensions.Logging;

namespace CareStream.Ingestion;

/// <summary>Ingestion log messages of the ADT registry API (EventIds 6200-6299). Record keys only, never demographics.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "ADT {Operation} published {Count} registry records")]
    public static partial void AdtPublished(ILogger logger, string operation, int count);

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "ADT registry record {Key} could not be published")]
    public static partial void AdtPublishFailed(ILogger logger, Exception exception, string key);
}

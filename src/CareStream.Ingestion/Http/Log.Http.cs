using Microsoft.Extensions.Logging;

namespace CareStream.Ingestion;

/// <summary>Ingestion log messages (EventIds 6000-6999; HTTP adapter 6100-6199). Ids and Kafka coordinates only.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Debug, Message = "HTTP reading from device {Device} published at {Coordinates}")]
    public static partial void HttpReadingPublished(ILogger logger, string device, Confluent.Kafka.TopicPartitionOffset coordinates);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "HTTP reading from device {Device} could not be published to {Topic}")]
    public static partial void HttpPublishFailed(ILogger logger, Exception exception, string device, string topic);
}

using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace CareStream.Messaging;

/// <summary>
/// Routes librdkafka's own log lines into ILogger instead of stderr. They go out at Debug: what matters to an
/// operator (errors, fatal conditions, unreachable brokers) already arrives through the error handlers and the
/// readiness checks, while librdkafka repeats connection failures on every reconnect attempt.
/// </summary>
public static partial class LibrdkafkaLog
{
    /// <summary>A log handler for <c>SetLogHandler</c> on any Confluent client builder.</summary>
    public static Action<IClient, LogMessage> To(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return (_, message) => LogLine(logger, message.Name, message.Facility, message.Message);
    }

    [LoggerMessage(1090, LogLevel.Debug, "librdkafka {Client} {Facility}: {Message}")]
    private static partial void LogLine(ILogger logger, string client, string facility, string message);
}

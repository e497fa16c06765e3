using Microsoft.Extensions.Logging;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// Log messages of the PCD-01 adapter (EventIds 8100–8199). Message control ids, device ids, counts and codes only:
/// never PID content, OBX values or message bodies.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(8100, LogLevel.Information, "MLLP listener (IHE PCD-01) listening on {Endpoint}")]
    public static partial void ListenerStarted(ILogger logger, string endpoint);

    [LoggerMessage(8101, LogLevel.Information, "MLLP listener disabled (Ingestion:Mllp:Enabled=false)")]
    public static partial void ListenerDisabled(ILogger logger);

    [LoggerMessage(8102, LogLevel.Debug, "MLLP connection {ConnectionId} opened from {Remote}")]
    public static partial void ConnectionOpened(ILogger logger, long connectionId, string remote);

    [LoggerMessage(8103, LogLevel.Debug, "MLLP connection {ConnectionId} closed after {Frames} frames")]
    public static partial void ConnectionClosed(ILogger logger, long connectionId, int frames);

    [LoggerMessage(8104, LogLevel.Warning, "MLLP connection from {Remote} refused: {Limit} connections already open")]
    public static partial void ConnectionRefused(ILogger logger, string remote, int limit);

    [LoggerMessage(8105, LogLevel.Warning, "MLLP connection {ConnectionId} failed ({ErrorType})")]
    public static partial void ConnectionFailed(ILogger logger, long connectionId, string errorType);

    [LoggerMessage(8106, LogLevel.Information, "MLLP connection {ConnectionId} closed after {IdleTimeout} without a complete frame")]
    public static partial void IdleTimeout(ILogger logger, long connectionId, TimeSpan idleTimeout);

    [LoggerMessage(8107, LogLevel.Warning, "MLLP connection {ConnectionId}: {Bytes} bytes outside frames discarded")]
    public static partial void GarbageDiscarded(ILogger logger, long connectionId, long bytes);

    [LoggerMessage(8108, LogLevel.Warning, "MLLP connection {ConnectionId}: frame of at least {Bytes} bytes exceeds the limit; answered AR")]
    public static partial void FrameOversize(ILogger logger, long connectionId, long bytes);

    [LoggerMessage(8109, LogLevel.Error, "MLLP accept failed; the listener keeps accepting")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(8110, LogLevel.Warning, "HL7 message unparseable ({ErrorCode} at segment {Segment}); answered AR")]
    public static partial void MessageUnparseable(ILogger logger, Er7ErrorCode errorCode, int segment);

    [LoggerMessage(8111, LogLevel.Debug, "PCD-01 message {ControlId} accepted: {Published} observations durable")]
    public static partial void MessageAccepted(ILogger logger, string controlId, int published);

    [LoggerMessage(8112, LogLevel.Warning, "PCD-01 message {ControlId} answered {AckCode}: {Published} observations durable; errors {ErrorCodes}")]
    public static partial void MessageNotAccepted(ILogger logger, string controlId, Hl7AckCode ackCode, int published, string errorCodes);

    [LoggerMessage(8113, LogLevel.Warning, "PCD-01 message {ControlId}: device {DeviceId} is associated with a different patient than PID-3; nothing published")]
    public static partial void PatientMismatch(ILogger logger, string controlId, string deviceId);

    [LoggerMessage(8114, LogLevel.Warning, "PCD-01 message {ControlId}: publish failed ({ErrorType}), {Delivered} of {Total} delivered; answered AR")]
    public static partial void PublishFailed(ILogger logger, string controlId, string errorType, int delivered, int total);

    [LoggerMessage(8115, LogLevel.Error, "PCD-01 message {ControlId} failed in the adapter; answered AR")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string controlId);

    [LoggerMessage(8116, LogLevel.Warning, "MLLP connection from {Remote} closed unread: not in Ingestion:Mllp:AllowedClients")]
    public static partial void ClientNotAllowed(ILogger logger, string remote);

    [LoggerMessage(8117, LogLevel.Information, "MLLP listener admits clients from {Networks}")]
    public static partial void ClientsAllowed(ILogger logger, string networks);
}

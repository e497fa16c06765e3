using Microsoft.Extensions.Logging;

namespace CareStream.Live;

internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning, Message = "Live relay skipped an unreadable canonical observation at {Coordinates} ({ErrorCode})")]
    public static partial void SkippedInvalid(ILogger logger, string coordinates, string errorCode);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Live relay skipped an unreadable alert record at {Coordinates} ({Error})")]
    public static partial void SkippedInvalidAlarm(ILogger logger, string coordinates, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Alarm event {EventId} (episode {EpisodeId}) has no known ward; not pushed")]
    public static partial void AlarmWithoutWard(ILogger logger, string eventId, string episodeId);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Live relay skipped an unreadable patient score at {Coordinates} ({Error})")]
    public static partial void SkippedInvalidScore(ILogger logger, string coordinates, string error);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Information, Message = "Device {Device} sends without a patient at bed {Bed} of ward {Ward}")]
    public static partial void DeviceUnassociated(ILogger logger, string device, string bed, string ward);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Connection {ConnectionId} no longer follows ward {Ward}: the user's ward access changed")]
    public static partial void WardAccessRevoked(ILogger logger, string connectionId, string ward);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Warning, Message = "Ward access sweep skipped: ward assignments could not be read ({Error})")]
    public static partial void AccessSweepFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Debug, Message = "Connection {ConnectionId} was refused ward {Ward}")]
    public static partial void WardRefused(ILogger logger, string connectionId, string ward);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Information, Message = "System alarm {EpisodeId} ({Type}) pushed to every dashboard")]
    public static partial void SystemAlarmPushed(ILogger logger, string episodeId, string type);
}

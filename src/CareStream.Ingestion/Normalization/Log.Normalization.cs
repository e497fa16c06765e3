using Microsoft.Extensions.Logging;

namespace CareStream.Ingestion;

internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "Device {Device} publishes readings but has no patient at {EffectiveAt} (ward {Ward}, bed {Bed}); readings held on {Topic}")]
    public static partial void DeviceUnassociated(ILogger logger, string device, DateTimeOffset effectiveAt, string? ward, string? bed, string topic);
}

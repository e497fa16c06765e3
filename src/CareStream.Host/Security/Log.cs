namespace CareStream.Host.Security;

/// <summary>Log messages of the host's HTTP hardening (EventIds 8400–8449). Client keys and origins only, never tokens or bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(8400, LogLevel.Debug, "Request rate limited for {Client}")]
    public static partial void RateLimited(ILogger logger, string client);

    [LoggerMessage(8401, LogLevel.Warning, "Rate limiting is disabled (Security:RateLimit:Enabled=false)")]
    public static partial void RateLimitDisabled(ILogger logger);

    [LoggerMessage(8402, LogLevel.Warning, "Hub request from origin {Origin} refused: not the host's origin and not in Security:AllowedOrigins")]
    public static partial void HubOriginRefused(ILogger logger, string origin);

    [LoggerMessage(8403, LogLevel.Information, "Request body of {Length} bytes refused: the limit is {Limit} bytes")]
    public static partial void BodyTooLarge(ILogger logger, long length, long limit);
}

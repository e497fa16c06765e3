using Microsoft.Extensions.Logging;

namespace CareStream.Bench.Connections;

/// <summary>Progress of the connection-memory mode (EventIds 9400-9419, apart from the pipeline bench's).</summary>
internal static partial class ConnectionLog
{
    [LoggerMessage(9400, LogLevel.Information, "{Load}: host ready at {Address} (pid {Pid})")]
    public static partial void HostReady(ILogger logger, string load, Uri address, int pid);

    [LoggerMessage(9401, LogLevel.Information, "{Load}: {Connections} dashboards, RSS {Rss:0.0} MiB, managed heap {Heap:0.0} MiB, {Frames} frames received")]
    public static partial void Sampled(ILogger logger, string load, int connections, double rss, double heap, long frames);
}

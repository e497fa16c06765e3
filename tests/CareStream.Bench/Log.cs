using Microsoft.Extensions.Logging;

namespace CareStream.Bench;

/// <summary>The harness's progress messages (EventIds 9000-9499). No patient data: ids, counts and timings only.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "Starting carestream ({HostAssembly}) for {Workload}: {Beds} beds, {Dashboards} dashboards, {Seconds} s")]
    public static partial void Starting(ILogger logger, string hostAssembly, string workload, int beds, int dashboards, double seconds);

    [LoggerMessage(9001, LogLevel.Information, "Host ready at {Address} (pid {Pid}); Kafka {Bootstrap}")]
    public static partial void HostReady(ILogger logger, Uri address, int pid, string bootstrap);

    [LoggerMessage(9002, LogLevel.Information, "Associated {Beds} monitors with beds and patients through {Path}")]
    public static partial void Seeded(ILogger logger, int beds, string path);

    [LoggerMessage(9003, LogLevel.Information, "{Dashboards} SignalR dashboards follow {Wards} wards; load starts")]
    public static partial void LoadStarting(ILogger logger, int dashboards, int wards);

    [LoggerMessage(9004, LogLevel.Information, "Second {Second}: published {Published}/s, stored {Stored}/s, lag {Lag}, host CPU {Cpu:0} %, RSS {Rss:0} MiB")]
    public static partial void Progress(ILogger logger, int second, long published, long stored, string lag, double cpu, double rss);

    [LoggerMessage(9005, LogLevel.Information, "Load stopped; drained: {Drained} after {Seconds:0.0} s")]
    public static partial void Drained(ILogger logger, bool drained, double seconds);

    [LoggerMessage(9006, LogLevel.Information, "FHIR search: open loop at {Rate}/s, then closed loop with {Concurrency} workers")]
    public static partial void FhirPhase(ILogger logger, int rate, int concurrency);

    [LoggerMessage(9007, LogLevel.Information, "Exactly-once check {Outcome}: {Published} published, {Rows} rows, {Missing} missing, {Duplicated} duplicated, {Unexpected} unexpected")]
    public static partial void Checked(ILogger logger, string outcome, long published, long rows, long missing, long duplicated, long unexpected);

    [LoggerMessage(9008, LogLevel.Information, "Report written to {Directory}")]
    public static partial void Written(ILogger logger, string directory);

    [LoggerMessage(9009, LogLevel.Warning, "The registry did not reflect all {Beds} associations within {Seconds} s; continuing")]
    public static partial void RegistrySlow(ILogger logger, int beds, double seconds);

    [LoggerMessage(9010, LogLevel.Warning, "Plot not written: {Reason}")]
    public static partial void PlotFailed(ILogger logger, string reason);
}

namespace CareStream.Bench.Measuring;

/// <summary>One second of the run: readings published and stored, consumer lag per group, host CPU and memory, and the harness's own CPU (it shares the box).</summary>
public sealed record TimelineSample(
    int Second,
    long PublishedReadings,
    long StoredRows,
    IReadOnlyDictionary<string, long> LagByGroup,
    double HostCpuPercent,
    double HostRssMiB,
    double MachineCpuPercent,
    double HarnessCpuPercent);

using CareStream.Bench.Running;

namespace CareStream.Bench.Measuring;

/// <summary>Samples lag, stored rows, host CPU (% of one core) and RSS, and machine CPU once a second.</summary>
public sealed class TimelineSampler(RunClock clock, LagMonitor lag, BenchDatabase database, int hostPid, Func<int, long> publishedIn)
{
    private readonly Lock _gate = new();
    private readonly List<TimelineSample> _samples = [];

    /// <summary>A snapshot of the samples so far.</summary>
    public IReadOnlyList<TimelineSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var lastCpu = ProcessStats.CpuSeconds(hostPid);
        var lastSelf = ProcessStats.CpuSeconds(Environment.ProcessId);
        var lastMachine = ProcessStats.MachineJiffies();
        var lastRows = await database.RowsInsertedAsync(cancellationToken);
        var lastAt = clock.Now;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var lags = await lag.SampleAsync();
                var rows = await database.RowsInsertedAsync(cancellationToken);
                var cpu = ProcessStats.CpuSeconds(hostPid);
                var self = ProcessStats.CpuSeconds(Environment.ProcessId);
                var machine = ProcessStats.MachineJiffies();
                var now = clock.Now;
                var seconds = (now - lastAt).TotalSeconds;
                var second = clock.SecondOf(now) - 1;
                var sample = new TimelineSample(
                    second,
                    publishedIn(second),
                    rows - lastRows,
                    lags,
                    (cpu - lastCpu) / seconds * 100,
                    ProcessStats.RssMiB(hostPid),
                    100.0 * (machine.Busy - lastMachine.Busy) / Math.Max(1, machine.Total - lastMachine.Total),
                    (self - lastSelf) / seconds * 100);
                lock (_gate)
                {
                    _samples.Add(sample);
                }

                (lastCpu, lastSelf, lastMachine, lastRows, lastAt) = (cpu, self, machine, rows, now);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}

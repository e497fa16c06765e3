using System.Globalization;
using CareStream.Bench.Running;
using Microsoft.Extensions.Logging;

namespace CareStream.Bench.Connections;

/// <summary>
/// Server memory per dashboard connection: starts the real host, measures RSS and the live managed heap (after a full
/// GC) with no dashboards, then with each count of real SignalR clients (WebSockets) following the wards, first with
/// the live role idle, then with the simulator pushing a W1 ward load through ingest and live.
/// <c>dotnet run -c Release --project tests/CareStream.Bench -- connections [--counts 100,500,1000] [--settle 15]</c>.
/// </summary>
public static class ConnectionMemoryBench
{
    private const string Usage = "carestream-bench connections [--counts 100,500,1000] [--settle 15] [--warm-up 30] [--output DIR] [--host-dll path/carestream.dll]";

    private static readonly (string Name, Dictionary<string, string> Settings)[] Loads =
    [
        ("idle", new() { ["Roles"] = "live" }),
        ("W1 pushes", new()
        {
            ["Roles"] = "ingest,live,simulator",
            ["Simulator:Beds"] = "32",
            ["Simulator:BedsPerWard"] = "16",
            ["Simulator:AllStable"] = "true",
        }),
    ];

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
        }));
        var logger = loggerFactory.CreateLogger("carestream-bench");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var cancellationToken = cancel.Token;
        int[] counts = [100, 500, 1_000];
        var settle = TimeSpan.FromSeconds(15);
        var warmUp = TimeSpan.FromSeconds(30);
        var output = Path.Combine("artifacts", "bench-connections");
        string? hostDll = null;
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--counts": counts = [.. args[i + 1].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).Order()]; break;
                case "--settle": settle = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
                case "--warm-up": warmUp = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
                case "--output": output = args[i + 1]; break;
                case "--host-dll": hostDll = args[i + 1]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}.\n{Usage}");
            }
        }

        Directory.CreateDirectory(output);
        hostDll ??= RunEnvironment.HostAssembly();
        var samples = new List<MemorySample>();
        foreach (var (name, settings) in Loads)
        {
            samples.AddRange(await MeasureLoadAsync(name, settings, counts, settle, warmUp, hostDll, output, logger, cancellationToken));
        }

        var command = "dotnet run -c Release --project tests/CareStream.Bench -- connections " + string.Join(' ', args);
        var report = ConnectionMemoryReport.Render(samples, command, RunEnvironment.Commit(), RunEnvironment.Machine(), settle, warmUp);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), report, cancellationToken);
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<List<MemorySample>> MeasureLoadAsync(
        string load, Dictionary<string, string> settings, int[] counts, TimeSpan settle, TimeSpan warmUp, string hostDll, string output, ILogger logger, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(output, $"host-{load.Replace(' ', '-')}.log");
        await using var host = HostProcess.Start(hostDll, settings, logPath);
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), cancellationToken);
        ConnectionLog.HostReady(logger, load, host.BaseAddress, host.ProcessId);
        await Task.Delay(warmUp, cancellationToken);    // the simulator's beds flowing, first-run costs paid
        await using var dashboards = new IdleDashboards(host.BaseAddress, host.Tokens.Clinician(), ["ward-1", "ward-2"]);
        var samples = new List<MemorySample>();
        foreach (var count in new[] { 0 }.Concat(counts))
        {
            await dashboards.ConnectUpToAsync(count, cancellationToken);
            await Task.Delay(settle, cancellationToken);
            var (rss, heap) = await HeapProbe.MeasureAsync(host.ProcessId, output, cancellationToken);
            var sample = new MemorySample(load, dashboards.Count, rss, heap, dashboards.Frames);
            ConnectionLog.Sampled(logger, load, sample.Connections, rss / 1048576.0, heap / 1048576.0, sample.FramesReceived);
            samples.Add(sample);
        }

        return samples;
    }
}

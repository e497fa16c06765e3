using CareStream.Bench;
using CareStream.Bench.Reporting;
using CareStream.Bench.Running;
using Microsoft.Extensions.Logging;

// Whole-pipeline bench: `dotnet run -c Release --project tests/CareStream.Bench -- --workload W1 --duration 60`.
if (args is ["connections", .. var connectionArgs])
{
    // Server memory per dashboard connection: a mode of its own (Connections/ConnectionMemoryBench.cs).
    return await CareStream.Bench.Connections.ConnectionMemoryBench.RunAsync(connectionArgs);
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

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

var command = "dotnet run -c Release --project tests/CareStream.Bench -- " + string.Join(' ', args);
var report = await new BenchRunner(options, command, logger).RunAsync(cancel.Token);
if (await ReportFiles.WriteAsync(report, options.OutputDirectory, cancel.Token) is { } plotProblem)
{
    Log.PlotFailed(logger, plotProblem);
}

Log.Written(logger, Path.GetFullPath(options.OutputDirectory));
Console.WriteLine(MarkdownReport.Render(report));
return report.ExactlyOnce.Passed ? 0 : 1;

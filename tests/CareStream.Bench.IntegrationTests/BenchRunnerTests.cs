using CareStream.Bench.Reporting;
using CareStream.Bench.Running;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareStream.Bench.IntegrationTests;

public sealed class BenchRunnerTests
{
    [Fact]
    public async Task GivenTheRealHost_WhenAShortW1RunCompletes_ThenEveryReadingIsStoredOnceAndTheReportFilesExist()
    {
        var output = Path.Combine(Path.GetTempPath(), $"carestream-bench-test-{Guid.NewGuid():N}");
        var options = BenchOptions.Parse(["--workload", "W1", "--duration", "5", "--warm-up", "1", "--alarms", "1",
            "--fhir-rate", "50", "--fhir-seconds", "1", "--fhir-concurrency", "2", "--adt-max-beds", "0", "--output", output]);

        var report = await new BenchRunner(options, "test", NullLogger.Instance).RunAsync(TestContext.Current.CancellationToken);
        var plotProblem = await ReportFiles.WriteAsync(report, output, TestContext.Current.CancellationToken);

        Assert.True(report.ExactlyOnce.Passed, $"exactly-once failed: {report.ExactlyOnce}");
        Assert.Equal(32 * 8 * 5, report.PublishedReadings);
        Assert.Equal(1, report.AlarmsInjected);
        Assert.Single(report.AlarmSamples);
        Assert.Equal(0, report.UnexpectedAlarms);
        Assert.Null(plotProblem);
        Assert.All([ReportFiles.Json, ReportFiles.Markdown, ReportFiles.Plot], f => Assert.True(File.Exists(Path.Combine(output, f)), f));
        Assert.Contains("exactly-once PASSED", await File.ReadAllTextAsync(Path.Combine(output, ReportFiles.Markdown), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

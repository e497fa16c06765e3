using ScottPlot;

namespace CareStream.Bench.Reporting;

/// <summary>PNG of device→dashboard latency (p50, p99 per second) and consumer lag over the run (ScottPlot 5).</summary>
public static class PlotWriter
{
    public static void Write(BenchReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        var multi = new Multiplot();
        multi.AddPlots(2);
        var latency = multi.GetPlot(0);
        var points = report.LatencyPerSecond;
        if (points.Count > 0)
        {
            var seconds = points.Select(p => (double)p.Second).ToArray();
            latency.Add.Scatter(seconds, points.Select(p => p.P50).ToArray()).LegendText = "p50";
            latency.Add.Scatter(seconds, points.Select(p => p.P99).ToArray()).LegendText = "p99";
        }

        latency.Title($"{report.Workload}: device → dashboard latency (ms), by second received");
        latency.YLabel("ms");
        latency.ShowLegend();

        var lag = multi.GetPlot(1);
        var timeline = report.Timeline;
        var xs = timeline.Select(s => (double)s.Second).ToArray();
        foreach (var group in report.MaxLagByGroup.Keys)
        {
            var ys = timeline.Select(s => s.LagByGroup.TryGetValue(group, out var v) ? Math.Max(0, v) : 0).Select(v => (double)v).ToArray();
            if (xs.Length > 0)
            {
                lag.Add.Scatter(xs, ys).LegendText = group.Replace("carestream-", string.Empty, StringComparison.Ordinal);
            }
        }

        lag.Title("consumer lag (messages; committed offsets, auto-commit every 5 s)");
        lag.XLabel("run second");
        lag.ShowLegend();
        multi.SavePng(path, 1000, 800);
    }
}

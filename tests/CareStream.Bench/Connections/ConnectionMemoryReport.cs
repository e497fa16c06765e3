using System.Globalization;
using System.Text;

namespace CareStream.Bench.Connections;

/// <summary>The connection-memory result as Markdown: absolute figures and the growth per connection over 0 clients.</summary>
public static class ConnectionMemoryReport
{
    public static string Render(IReadOnlyList<MemorySample> samples, string command, string commit, string machine, TimeSpan settle, TimeSpan warmUp)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var text = new StringBuilder();
        Line(text, $"Command: `{command}`  ");
        Line(text, $"Commit: {commit}  ");
        Line(text, $"Machine: {machine}  ");
        Line(text, $"Host warm-up {warmUp.TotalSeconds:0} s; each point {settle.TotalSeconds:0} s after the last client joined, then a full GC (dotnet-gcdump) and VmRSS. "
            + "Per connection = growth over 0 dashboards ÷ N; marginal = growth over the previous point ÷ the clients added (leaves out one-off costs).");
        Line(text, string.Empty);
        Line(text, "| Load | Dashboards | RSS MiB | Managed heap MiB | ΔRSS / connection | Δheap / connection | Marginal RSS | Marginal heap | Frames received |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Load))
        {
            var baseline = group.First(s => s.Connections == 0);
            var previous = baseline;
            foreach (var s in group)
            {
                Line(text, $"| {s.Load} | {s.Connections:N0} | {s.RssBytes / 1048576.0:0.0} | {s.ManagedHeapBytes / 1048576.0:0.0} | "
                    + $"{Per(s.RssBytes - baseline.RssBytes, s.Connections)} | {Per(s.ManagedHeapBytes - baseline.ManagedHeapBytes, s.Connections)} | "
                    + $"{Per(s.RssBytes - previous.RssBytes, s.Connections - previous.Connections)} | "
                    + $"{Per(s.ManagedHeapBytes - previous.ManagedHeapBytes, s.Connections - previous.Connections)} | {s.FramesReceived:N0} |");
                previous = s;
            }
        }

        return text.ToString();
    }

    private static string Per(long bytes, int connections) =>
        connections <= 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / connections:0.0} KB");

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}

using System.Globalization;
using System.Text;

namespace CareStream.Bench.Connections;

/// <summary>The connection-memory result as Markdown: absolute figures and the growth per connection over 0 clients.</summary>
public static class ConnectionMemoryReport
{
    public static string Render(IReadOnlyList<MemorySample> samples, string command, string commit, string machine, TimeSpan settle)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var text = new StringBuilder();
        Line(text, $"Command: `{command}`  ");
        Line(text, $"Commit: {commit}  ");
        Line(text, $"Machine: {machine}  ");
        Line(text, $"Each point: {settle.TotalSeconds:0} s after the last client joined, then a full GC (dotnet-gcdump) and VmRSS.");
        Line(text, string.Empty);
        Line(text, "| Load | Dashboards | RSS MiB | Managed heap MiB | ΔRSS / connection | Δheap / connection | Frames received |");
        Line(text, "|---|---:|---:|---:|---:|---:|---:|");
        foreach (var group in samples.GroupBy(s => s.Load))
        {
            var baseline = group.First(s => s.Connections == 0);
            foreach (var s in group)
            {
                var perRss = s.Connections == 0 ? "–" : Kb((s.RssBytes - baseline.RssBytes) / (double)s.Connections);
                var perHeap = s.Connections == 0 ? "–" : Kb((s.ManagedHeapBytes - baseline.ManagedHeapBytes) / (double)s.Connections);
                Line(text, $"| {s.Load} | {s.Connections:N0} | {s.RssBytes / 1048576.0:0.0} | {s.ManagedHeapBytes / 1048576.0:0.0} | {perRss} | {perHeap} | {s.FramesReceived:N0} |");
            }
        }

        return text.ToString();
    }

    private static string Kb(double bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024:0.0} KB");

    private static void Line(StringBuilder text, string line) => text.Append(CultureInfo.InvariantCulture, $"{line}\n");
}

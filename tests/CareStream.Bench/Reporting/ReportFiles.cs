using System.Text.Json;

namespace CareStream.Bench.Reporting;

/// <summary>Writes report.json, report.md and latency-lag.png into the output directory.</summary>
public static class ReportFiles
{
    public const string Json = "report.json";
    public const string Markdown = "report.md";
    public const string Plot = "latency-lag.png";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the three files; returns the reason when the plot could not be drawn (the rest is still written).</summary>
    public static async Task<string?> WriteAsync(BenchReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, Json), JsonSerializer.Serialize(report, JsonOptions), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, Markdown), MarkdownReport.Render(report), cancellationToken);
        try
        {
            PlotWriter.Write(report, Path.Combine(directory, Plot));
            return null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or IOException)
        {
            return ex.Message;
        }
    }
}

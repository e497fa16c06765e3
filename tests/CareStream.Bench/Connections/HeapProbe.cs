using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CareStream.Bench.Measuring;

namespace CareStream.Bench.Connections;

/// <summary>
/// Memory of the host after a full GC: <c>dotnet-gcdump collect</c> induces a blocking gen-2 GC in the target and
/// reports the live managed heap; RSS is read from /proc right after, so both describe the same settled state.
/// Needs the dotnet-gcdump global tool (<c>dotnet tool install -g dotnet-gcdump</c>).
/// </summary>
public static partial class HeapProbe
{
    /// <summary>(RSS bytes, live managed heap bytes) of <paramref name="pid"/> after a full GC.</summary>
    public static async Task<(long Rss, long ManagedHeap)> MeasureAsync(int pid, string scratchDirectory, CancellationToken cancellationToken)
    {
        var dump = Path.Combine(scratchDirectory, $"host-{pid}-{Stopwatch.GetTimestamp()}.gcdump");
        await RunAsync(cancellationToken, "collect", "-p", pid.ToString(CultureInfo.InvariantCulture), "-o", dump);
        var rss = (long)(ProcessStats.RssMiB(pid) * 1024 * 1024);
        var report = await RunAsync(cancellationToken, "report", dump);
        File.Delete(dump);
        var match = HeapBytes().Match(report);
        return match.Success
            ? (rss, long.Parse(match.Groups[1].Value.Replace(",", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture))
            : throw new InvalidOperationException("dotnet-gcdump report printed no 'GC Heap bytes' line:\n" + report);
    }

    private static async Task<string> RunAsync(CancellationToken cancellationToken, params string[] arguments)
    {
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        var info = new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException("dotnet-gcdump is not installed: dotnet tool install -g dotnet-gcdump", ex);
        }

        using (process)
        {
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0
                ? output
                : throw new InvalidOperationException($"dotnet-gcdump {arguments[0]} failed ({process.ExitCode}): {output}{error}");
        }
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}

using System.Globalization;

namespace CareStream.Bench.Load;

/// <summary>One simulated bed of the run: its ward, bed, (synthetic) patient and monitor ids.</summary>
public sealed record BenchBed(int Index, string Ward, string Bed, string Patient, string Device)
{
    public static IReadOnlyList<BenchBed> Plan(Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return Enumerable.Range(0, workload.Beds).Select(i =>
        {
            var ward = i / Workload.BedsPerWard + 1;
            return new BenchBed(
                i,
                string.Create(CultureInfo.InvariantCulture, $"bench-ward-{ward}"),
                string.Create(CultureInfo.InvariantCulture, $"bench-ward-{ward}-bed-{i % Workload.BedsPerWard + 1}"),
                string.Create(CultureInfo.InvariantCulture, $"bench-patient-{i + 1}"),
                string.Create(CultureInfo.InvariantCulture, $"bench-monitor-{i + 1}"));
        }).ToArray();
    }
}

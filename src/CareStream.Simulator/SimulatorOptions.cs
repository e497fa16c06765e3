using System.ComponentModel.DataAnnotations;

namespace CareStream.Simulator;

/// <summary>The simulated ward: how many beds, how they behave, how often their monitors report.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary><c>Simulator:Beds</c>: monitored beds across all simulated wards.</summary>
    [Range(1, 20_000, ErrorMessage = "Simulator:Beds must be between 1 and 20000.")]
    public int Beds { get; set; } = 8;

    /// <summary><c>Simulator:Seed</c>: the same seed gives the same patients, scenarios and values.</summary>
    public int Seed { get; set; } = 42;

    /// <summary><c>Simulator:BedsPerWard</c>.</summary>
    [Range(1, 64, ErrorMessage = "Simulator:BedsPerWard must be between 1 and 64.")]
    public int BedsPerWard { get; set; } = 16;

    /// <summary><c>Simulator:ReadingInterval</c>: how often each monitor sends its numerics (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00", ErrorMessage = "Simulator:ReadingInterval must be between 50 ms and 1 h.")]
    public TimeSpan ReadingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Simulator:NibpInterval</c>: non-invasive blood pressure cycle (default 15 min).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "04:00:00", ErrorMessage = "Simulator:NibpInterval must be between 1 s and 4 h.")]
    public TimeSpan NibpInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary><c>Simulator:AllStable</c>: every bed stable (benchmarks); otherwise beds cycle through the scenarios.</summary>
    public bool AllStable { get; set; }
}

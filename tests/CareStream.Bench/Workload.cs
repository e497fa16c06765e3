namespace CareStream.Bench;

/// <summary>A workload of performance.md: beds at 8 readings per second each, and dashboards following the wards.</summary>
public sealed record Workload(string Name, int Beds, int Dashboards)
{
    /// <summary>Beds per ward: a ward is one SignalR group, followed by at least one dashboard.</summary>
    public const int BedsPerWard = 32;

    /// <summary>HR, PR, SpO2, RR, temperature and an arterial BP panel (systolic, diastolic, mean) every second.</summary>
    public const int ReadingsPerBedPerSecond = 8;

    public static Workload W1 { get; } = new("W1", 32, 4);

    public static Workload W2 { get; } = new("W2", 1_000, 100);

    public static Workload W3 { get; } = new("W3", 10_000, 1_000);

    public int Wards => (Beds + BedsPerWard - 1) / BedsPerWard;

    public int ReadingsPerSecond => Beds * ReadingsPerBedPerSecond;

    public static Workload Parse(string name) => name.ToUpperInvariant() switch
    {
        "W1" => W1,
        "W2" => W2,
        "W3" => W3,
        _ => throw new ArgumentException($"Unknown workload '{name}': use W1, W2 or W3.", nameof(name)),
    };
}

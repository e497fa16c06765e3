using System.Globalization;

namespace CareStream.Bench;

/// <summary>Command-line settings of one bench run (see <see cref="Usage"/>).</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        carestream-bench --workload W1|W2|W3 [--duration 60] [--beds N] [--dashboards N] [--output DIR]
                         [--kafka host:port] [--postgres "connection string"] [--host-dll path/carestream.dll]
                         [--host-setting Key=Value ...] [--alarms N (default: one every 0.75 s after the warm-up)] [--adt-max-beds 64] [--fhir-rate 1000] [--fhir-seconds 10] [--fhir-warm-up 3] [--fhir-concurrency 16]
        Starts the real host (`carestream --roles all`), drives the workload through it and writes report.md,
        report.json and latency-lag.png to the output directory. Exit code 0 only when every published reading is
        stored exactly once.
        """;

    public Workload Workload { get; init; } = Workload.W1;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Readings before this point are published and checked, but left out of the latency percentiles.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    public string OutputDirectory { get; init; } = Path.Combine("artifacts", "bench");

    /// <summary>External Kafka; null uses the host's embedded mock cluster (address read from /api/system).</summary>
    public string? KafkaBootstrapServers { get; init; }

    /// <summary>External PostgreSQL; null starts a private cluster for the run (so the harness can read it).</summary>
    public string? PostgresConnectionString { get; init; }

    public string? HostAssembly { get; init; }

    /// <summary>Extra host configuration (<c>--host-setting Key=Value</c>, repeatable), e.g. consumer tuning to compare.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> HostSettings { get; init; } = [];

    /// <summary>Threshold crossings to inject; null: one every 0.75 s from the warm-up to 2 s before the end.</summary>
    public int? AlarmCrossings { get; init; }

    /// <summary>Up to this many beds are associated through the ADT API; larger runs publish the assignments.</summary>
    public int AdtApiMaxBeds { get; init; } = 64;

    public int FhirRate { get; init; } = 1_000;

    public TimeSpan FhirPhase { get; init; } = TimeSpan.FromSeconds(10);

    public int FhirConcurrency { get; init; } = 16;

    /// <summary>
    /// Searches at the open-loop rate before the measured phase (JIT and tiering, prepared statements, pool growth);
    /// reported separately, so the measured phase is the steady state. Zero measures from the first request.
    /// </summary>
    public TimeSpan FhirWarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the pipeline may take to drain after the load stops before the check runs anyway.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        int? beds = null;
        int? dashboards = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            var value = i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.\n{Usage}");
            options = name switch
            {
                "--workload" => options with { Workload = Workload.Parse(value) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int(value)) },
                "--warm-up" => options with { WarmUp = TimeSpan.FromSeconds(Int(value)) },
                "--output" => options with { OutputDirectory = value },
                "--kafka" => options with { KafkaBootstrapServers = value },
                "--postgres" => options with { PostgresConnectionString = value },
                "--host-dll" => options with { HostAssembly = value },
                "--host-setting" => options with { HostSettings = [.. options.HostSettings, Setting(value)] },
                "--alarms" => options with { AlarmCrossings = Int(value) },
                "--adt-max-beds" => options with { AdtApiMaxBeds = Int(value) },
                "--fhir-rate" => options with { FhirRate = Int(value) },
                "--fhir-seconds" => options with { FhirPhase = TimeSpan.FromSeconds(Int(value)) },
                "--fhir-warm-up" => options with { FhirWarmUp = TimeSpan.FromSeconds(Int(value)) },
                "--fhir-concurrency" => options with { FhirConcurrency = Int(value) },
                "--drain-timeout" => options with { DrainTimeout = TimeSpan.FromSeconds(Int(value)) },
                "--beds" => Set(options, () => beds = Int(value)),
                "--dashboards" => Set(options, () => dashboards = Int(value)),
                _ => throw new ArgumentException($"Unknown option {name}.\n{Usage}"),
            };
        }

        var workload = options.Workload with
        {
            Beds = beds ?? options.Workload.Beds,
            Dashboards = dashboards ?? options.Workload.Dashboards,
        };
        return options with { Workload = workload };
    }

    private static BenchOptions Set(BenchOptions options, Action set)
    {
        set();
        return options;
    }

    private static KeyValuePair<string, string> Setting(string value) => value.Split('=', 2) is [var key, var setting]
        ? new(key, setting)
        : throw new ArgumentException($"--host-setting expects Key=Value, got '{value}'.");

    private static int Int(string value) => int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture);
}

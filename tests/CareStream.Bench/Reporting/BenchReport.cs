using CareStream.Bench.Measuring;
using CareStream.Bench.Running;

namespace CareStream.Bench.Reporting;

/// <summary>Everything one run measured; serialized as report.json and rendered as report.md.</summary>
public sealed record BenchReport
{
    public required string Workload { get; init; }

    public required int Beds { get; init; }

    public required int Dashboards { get; init; }

    public required double DurationSeconds { get; init; }

    public required string Commit { get; init; }

    public required string Machine { get; init; }

    public required string Command { get; init; }

    public required string Kafka { get; init; }

    public required string Postgres { get; init; }

    public required string Registry { get; init; }

    public required string HostSettings { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required long PublishedReadings { get; init; }

    public required long DeliveryFailures { get; init; }

    public required double PublishedReadingsPerSecond { get; init; }

    public required double StoredReadingsPerSecond { get; init; }

    public required double DrainSeconds { get; init; }

    public required bool Drained { get; init; }

    public required IReadOnlyDictionary<string, long> MaxLagByGroup { get; init; }

    public required long PrunedDeviceRecords { get; init; }

    public required LatencySummary DashboardLatency { get; init; }

    public required long DashboardFrames { get; init; }

    public required int AlarmsInjected { get; init; }

    public required LatencySummary AlarmTopicLatency { get; init; }

    /// <summary>Crossing → the raised event committed to <c>alarm_event</c> (polled every 10 ms).</summary>
    public required LatencySummary AlarmStoredLatency { get; init; }

    public required LatencySummary AlarmDashboardLatency { get; init; }

    /// <summary>Raised crossing-condition alarms on the topic that match no injection (each crossing raises exactly one).</summary>
    public required int UnexpectedAlarms { get; init; }

    public required IReadOnlyList<AlarmSample> AlarmSamples { get; init; }

    /// <summary>The open loop's first seconds (<c>--fhir-warm-up</c>), before the measured phase; null when skipped.</summary>
    public FhirOpenLoopResult? FhirWarmUp { get; init; }

    public FhirOpenLoopResult? FhirOpenLoop { get; init; }

    public FhirClosedLoopResult? FhirClosedLoop { get; init; }

    public required double HostCpuPercentMean { get; init; }

    public required double HostCpuPercentMax { get; init; }

    public required double HostRssMiBMax { get; init; }

    public required double MachineCpuPercentMean { get; init; }

    public required double HarnessCpuPercentMean { get; init; }

    public required long ObservationBytes { get; init; }

    public required long TrendBytes { get; init; }

    public required long ObservationRows { get; init; }

    public double BytesPerReading => ObservationRows == 0 ? double.NaN : (double)ObservationBytes / ObservationRows;

    public required ExactlyOnceResult ExactlyOnce { get; init; }

    public required IReadOnlyList<TimelineSample> Timeline { get; init; }

    public required IReadOnlyList<LatencyPoint> LatencyPerSecond { get; init; }
}

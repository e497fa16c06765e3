namespace CareStream.Bench.Measuring;

/// <summary>Latency percentiles of one run second.</summary>
public sealed record LatencyPoint(int Second, double P50, double P99);

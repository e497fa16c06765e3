namespace CareStream.Bench.Measuring;

/// <summary>Open-loop outcome: requests issued per second (the schedule kept), completed per second overall.</summary>
public sealed record FhirOpenLoopResult(int TargetRate, double IssuedRate, double CompletedRate, int Errors, LatencySummary Latency);

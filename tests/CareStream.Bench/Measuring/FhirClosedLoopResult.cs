namespace CareStream.Bench.Measuring;

/// <summary>Closed-loop outcome: the most searches per second N workers got back to back.</summary>
public sealed record FhirClosedLoopResult(int Concurrency, double SearchesPerSecond, long Errors);

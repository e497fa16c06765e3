namespace CareStream.Storage.Observations;

/// <summary>Aggregate of one patient's readings of one kind in one UTC minute.</summary>
public sealed record TrendPoint(DateTimeOffset Minute, double Min, double Max, double Mean, int Count);

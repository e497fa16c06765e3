namespace CareStream.Rules.RuleSets;

/// <summary>"No data" check for one parameter: alarm after <c>Multiplier × ExpectedIntervalSeconds</c> without data.</summary>
/// <param name="ExpectedIntervalSeconds">How often the device normally sends this parameter (positive).</param>
/// <param name="Multiplier">k, at least 1.</param>
public sealed record StaleDataConfig(double ExpectedIntervalSeconds, double Multiplier = 3);

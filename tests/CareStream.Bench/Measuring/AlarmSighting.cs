namespace CareStream.Bench.Measuring;

/// <summary>A raised alarm seen by the harness (on the alerts topic or at a dashboard), by patient and receipt time.</summary>
public readonly record struct AlarmSighting(string Patient, DateTimeOffset ConditionStartedAt, DateTimeOffset ReceivedAt);

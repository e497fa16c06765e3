namespace CareStream.Bench.Measuring;

/// <summary>
/// A raised alarm seen by the harness (on the alerts topic, in PostgreSQL or at a dashboard), by patient, condition
/// and receipt time.
/// </summary>
public readonly record struct AlarmSighting(string Patient, string Condition, DateTimeOffset ConditionStartedAt, DateTimeOffset ReceivedAt);

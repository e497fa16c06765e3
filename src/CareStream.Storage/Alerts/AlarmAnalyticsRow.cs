namespace CareStream.Storage.Alerts;

/// <summary>Alarm-fatigue figures of one ward, bed and rule over a period (definitions in docs/alarms-fhir-mapping.md).</summary>
/// <param name="Ward">Ward id, null for alarms stored without one.</param>
/// <param name="Bed">Bed id, null for alarms stored without one.</param>
/// <param name="RuleId">The rule that raised the alarms.</param>
/// <param name="Alarms">Episodes raised in the period.</param>
/// <param name="AlarmsPerBedPerDay"><see cref="Alarms"/> divided by the period's length in days.</param>
/// <param name="Acknowledged">Of those, episodes acknowledged.</param>
/// <param name="MedianSecondsToAcknowledge">Median of acknowledged-at − raised-at; null when none was acknowledged.</param>
/// <param name="P90SecondsToAcknowledge">90th percentile (continuous) of the same; null when none was acknowledged.</param>
/// <param name="SelfResolved">Episodes that resolved without acknowledgement within the self-resolution window of their raise.</param>
/// <param name="SelfResolvedShare"><see cref="SelfResolved"/> / <see cref="Alarms"/>.</param>
public sealed record AlarmAnalyticsRow(
    string? Ward, string? Bed, string RuleId, long Alarms, double AlarmsPerBedPerDay, long Acknowledged,
    double? MedianSecondsToAcknowledge, double? P90SecondsToAcknowledge, long SelfResolved, double SelfResolvedShare);

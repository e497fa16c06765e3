using CareStream.Domain.Alerts;

namespace CareStream.Rules.RuleSets;

/// <summary>Technical alarm settings. Default priority Low (IEC 60601-1-8 "awareness"), to be reviewed locally.</summary>
/// <param name="StaleData">Per parameter name (as in <c>limits</c>), the "no data" check.</param>
/// <param name="StaleDataPriority">Priority of "no data".</param>
/// <param name="SensorOffPriority">Priority of a device-reported sensor off.</param>
/// <param name="InvalidSignalPriority">Priority of a device-reported invalid signal.</param>
/// <param name="UnassociatedDevicePriority">Priority of "device not associated"; null disables the rule.</param>
public sealed record TechnicalConfig(
    IReadOnlyDictionary<string, StaleDataConfig>? StaleData = null,
    AlarmPriority StaleDataPriority = AlarmPriority.Low,
    AlarmPriority? SensorOffPriority = AlarmPriority.Low,
    AlarmPriority? InvalidSignalPriority = AlarmPriority.Low,
    AlarmPriority? UnassociatedDevicePriority = AlarmPriority.Low);

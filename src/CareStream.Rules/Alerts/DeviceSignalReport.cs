using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Rules.Alerts;

/// <summary>A device's statement about the quality of one parameter's signal, as of <paramref name="ReportedAt"/>.</summary>
/// <param name="Device">The device.</param>
/// <param name="Kind">The parameter it concerns.</param>
/// <param name="Condition">The condition; <see cref="DeviceSignalCondition.Normal"/> clears.</param>
/// <param name="ReportedAt">Device time of the report.</param>
public sealed record DeviceSignalReport(
    DeviceId Device,
    VitalSignKind Kind,
    DeviceSignalCondition Condition,
    DateTimeOffset ReportedAt);

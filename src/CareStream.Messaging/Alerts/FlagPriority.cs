using CareStream.Domain.Alerts;

namespace CareStream.Messaging.Alerts;

/// <summary>
/// FHIR <c>flag-priority</c> codes (http://terminology.hl7.org/CodeSystem/flag-priority-code, from IHE PCD
/// Table B.8-4) for IEC 60601-1-8 priorities. <c>PN</c> (no alarm) never occurs on an alarm event.
/// </summary>
public static class FlagPriority
{
    public const string System = "http://terminology.hl7.org/CodeSystem/flag-priority-code";

    public const string High = "PH";

    public const string Medium = "PM";

    public const string Low = "PL";

    public static string CodeOf(AlarmPriority priority) => priority switch
    {
        AlarmPriority.High => High,
        AlarmPriority.Medium => Medium,
        AlarmPriority.Low => Low,
        _ => throw new ArgumentOutOfRangeException(nameof(priority), priority, "Unknown alarm priority."),
    };
}

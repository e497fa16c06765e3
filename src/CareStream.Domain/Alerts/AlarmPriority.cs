namespace CareStream.Domain.Alerts;

/// <summary>
/// IEC 60601-1-8 (2006 + A1:2012 + A2:2020) alarm priority. Ordered so that a larger value is more urgent.
/// Carried in FHIR as the <c>flag-priority</c> codes PL / PM / PH. Values are stored, so never renumber.
/// </summary>
public enum AlarmPriority
{
    /// <summary>Awareness; a delayed response is acceptable (cyan or yellow, constant).</summary>
    Low = 1,

    /// <summary>Prompt operator response required (yellow, flashing 0.4–0.8 Hz).</summary>
    Medium = 2,

    /// <summary>Immediate operator response required (red, flashing 1.4–2.8 Hz).</summary>
    High = 3,
}

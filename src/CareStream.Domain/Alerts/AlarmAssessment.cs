namespace CareStream.Domain.Alerts;

/// <summary>
/// A clinician's assessment of an alarm, for alarm-fatigue analytics (share of false and non-actionable alarms per
/// rule, bed and ward). Values are stored, so never renumber.
/// </summary>
public enum AlarmAssessment
{
    /// <summary>The alarm condition was real and needed attention.</summary>
    TruePositive = 1,

    /// <summary>The alarm condition was not real (artefact, motion, sensor displaced).</summary>
    FalsePositive = 2,

    /// <summary>The condition was real but needed no action (expected, already handled, clinically irrelevant).</summary>
    NonActionable = 3,
}

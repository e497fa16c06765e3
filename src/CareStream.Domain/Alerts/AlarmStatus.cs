namespace CareStream.Domain.Alerts;

/// <summary>Lifecycle state of one alarm episode. Values are stored, so never renumber.</summary>
public enum AlarmStatus
{
    /// <summary>The alarm condition was confirmed and the alarm is announced.</summary>
    Raised = 1,

    /// <summary>Not acknowledged in time; announced to the next tier.</summary>
    Escalated = 2,

    /// <summary>A clinician acknowledged it (IEC 60601-1-8 ALARM RESET); it resolves when the condition clears.</summary>
    Acknowledged = 3,

    /// <summary>The episode is over. A new occurrence of the condition starts a new episode.</summary>
    Resolved = 4,
}

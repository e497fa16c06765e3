using CareStream.Domain.Alerts;

namespace CareStream.Notifications;

/// <summary>
/// Which subscription tiers an alarm event reaches. Pure.
/// Raised and PriorityIncreased go to tier 1; Escalated with level n goes to tier min(n + 1, tiers) only;
/// Acknowledged and Resolved go to every tier that was paged for the episode (1 … min(level + 1, tiers)), so
/// whoever was called learns that it is handled; AudioPaused is a bedside/dashboard matter and is not notified.
/// </summary>
public static class NotificationTiers
{
    public static bool Reaches(AlarmEvent alarmEvent, int subscriptionTier, int tiers)
    {
        ArgumentNullException.ThrowIfNull(alarmEvent);
        var paged = Math.Min(alarmEvent.Episode.EscalationLevel + 1, tiers);
        return alarmEvent switch
        {
            AlarmRaised or AlarmPriorityIncreased => subscriptionTier == 1,
            AlarmEscalated => subscriptionTier == paged,
            AlarmAcknowledged or AlarmResolved => subscriptionTier >= 1 && subscriptionTier <= paged,
            _ => false,
        };
    }
}

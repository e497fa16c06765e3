using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Notifications.UnitTests;

/// <summary>Synthetic alarm episodes and events.</summary>
internal static class Episodes
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static AlarmEpisode Of(
        string patient = "pat-1", AlarmPriority priority = AlarmPriority.High, AlarmCategory category = AlarmCategory.Physiological,
        int escalationLevel = 0) =>
        new("ep-1", "spo2-low", 1, new PatientId(patient), category, priority, "OxygenSaturationLow", false, AlarmStatus.Raised,
            At, At, true, escalationLevel, At, null, null, null, null);

    public static AlarmRaised Raised(AlarmEpisode? episode = null) => new("ev-1", episode ?? Of(), At, "SpO2 85 %", []);
}

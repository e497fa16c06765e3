using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Notifications.IntegrationTests;

/// <summary>Synthetic alarm events with unique ids per test.</summary>
internal static class AlarmEvents
{
    public static AlarmRaised Raised(string patient, AlarmPriority priority = AlarmPriority.High)
    {
        var at = DateTimeOffset.UtcNow;
        var episode = new AlarmEpisode(
            "ep-" + Guid.NewGuid().ToString("N"), "spo2-low", 1, new PatientId(patient), AlarmCategory.Physiological, priority,
            "OxygenSaturationLow", false, AlarmStatus.Raised, at, at, true, 0, at, null, null, null, null);
        return new AlarmRaised("ev-" + Guid.NewGuid().ToString("N"), episode, at, "SpO2 below limit", ["obs-1"]);
    }

    public static AlarmAcknowledged Acknowledged(AlarmRaised raised) =>
        new("ev-" + Guid.NewGuid().ToString("N"),
            raised.Episode with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = raised.OccurredAt.AddSeconds(20), AcknowledgedBy = "nurse-7" },
            raised.OccurredAt.AddSeconds(20), "nurse-7");
}

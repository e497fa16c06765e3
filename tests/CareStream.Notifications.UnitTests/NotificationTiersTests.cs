using CareStream.Domain.Alerts;

namespace CareStream.Notifications.UnitTests;

public sealed class NotificationTiersTests
{
    public static TheoryData<string, int, int, bool> Table => new()
    {
        // event kind, escalation level, subscription tier, reaches (Tiers = 2)
        { "raised", 0, 1, true },
        { "raised", 0, 2, false },
        { "priorityIncreased", 0, 1, true },
        { "escalated", 1, 1, false },
        { "escalated", 1, 2, true },
        { "escalated", 3, 2, true },   // beyond the last tier: the last tier
        { "acknowledged", 1, 1, true },
        { "acknowledged", 1, 2, true },
        { "acknowledged", 0, 2, false }, // tier 2 was never paged
        { "resolved", 0, 1, true },
        { "audioPaused", 0, 1, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void GivenEventAndTier_WhenRouted_ThenReachesTheConfiguredTier(string kind, int level, int tier, bool expected)
    {
        var episode = Episodes.Of(escalationLevel: level);
        AlarmEvent alarm = kind switch
        {
            "raised" => Episodes.Raised(episode),
            "priorityIncreased" => new AlarmPriorityIncreased("e", episode, Episodes.At, AlarmPriority.Medium),
            "escalated" => new AlarmEscalated("e", episode, Episodes.At, "not acknowledged"),
            "acknowledged" => new AlarmAcknowledged("e", episode, Episodes.At, "nurse-1"),
            "resolved" => new AlarmResolved("e", episode, Episodes.At, "cleared"),
            _ => new AlarmAudioPaused("e", episode, Episodes.At, "nurse-1"),
        };

        var reaches = NotificationTiers.Reaches(alarm, tier, tiers: 2);

        Assert.Equal(expected, reaches);
    }
}

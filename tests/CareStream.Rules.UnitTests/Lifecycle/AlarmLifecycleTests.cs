using CareStream.Domain.Alerts;
using CareStream.Rules.Alerts;
using CareStream.Rules.Lifecycle;
using CareStream.Rules.RuleSets;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Lifecycle;

public class AlarmLifecycleTests
{
    private static readonly EscalationConfig Escalation = new(HighAfterSeconds: 60, MediumAfterSeconds: 180, MaxLevel: 2, AudioPauseSeconds: 120);

    private static AlertDecision Decision(AlarmPriority priority = AlarmPriority.High, bool latching = false, DateTimeOffset? start = null) =>
        new("limit.oxygenSaturation", 1, AlarmCategory.Physiological, priority, "OxygenSaturationLow", "SpO2 85",
            start ?? T0, start ?? T0, ["obs-1"], latching);

    private static AlarmEpisode Raised(AlarmPriority priority = AlarmPriority.High, bool latching = false) =>
        AlarmLifecycle.OnConditionPresent(null, Patient, Decision(priority, latching)).Episode!;

    [Fact]
    public void GivenNoEpisode_WhenConditionPresent_ThenRaisedWithDeterministicEpisodeId()
    {
        var transition = AlarmLifecycle.OnConditionPresent(null, Patient, Decision());

        var raised = Assert.IsType<AlarmRaised>(Assert.Single(transition.Events));
        Assert.Equal(AlarmStatus.Raised, transition.Episode!.Status);
        Assert.Equal(StableIds.EpisodeId("limit.oxygenSaturation", Patient, T0), transition.Episode.EpisodeId);
        Assert.Equal(["obs-1"], raised.EvidenceObservationIds);
    }

    [Fact]
    public void GivenRaisedEpisode_WhenSameConditionSeenAgain_ThenNoDuplicateEvent()
    {
        var episode = Raised();

        var transition = AlarmLifecycle.OnConditionPresent(episode, Patient, Decision(start: T0.AddSeconds(5)));

        Assert.Empty(transition.Events);
        Assert.Equal(episode.EpisodeId, transition.Episode!.EpisodeId);
    }

    [Fact]
    public void GivenNonLatchingRaised_WhenConditionClears_ThenResolvedWithoutAcknowledgement()
    {
        var transition = AlarmLifecycle.OnConditionAbsent(Raised(), T0.AddSeconds(30));

        Assert.IsType<AlarmResolved>(Assert.Single(transition.Events));
        Assert.Equal(AlarmStatus.Resolved, transition.Episode!.Status);
    }

    [Fact]
    public void GivenLatchingRaised_WhenConditionClears_ThenStaysUntilAcknowledged()
    {
        var cleared = AlarmLifecycle.OnConditionAbsent(Raised(latching: true), T0.AddSeconds(30));

        var acknowledged = AlarmLifecycle.Handle(cleared.Episode, new AcknowledgeAlarm(cleared.Episode!.EpisodeId, "nurse-1", T0.AddSeconds(40)), Escalation);

        Assert.Empty(cleared.Events);
        Assert.Equal(AlarmStatus.Raised, cleared.Episode.Status);
        Assert.False(cleared.Episode.ConditionActive);
        Assert.Collection(acknowledged.Events, e => Assert.IsType<AlarmAcknowledged>(e), e => Assert.IsType<AlarmResolved>(e));
        Assert.Equal(AlarmStatus.Resolved, acknowledged.Episode!.Status);
    }

    [Fact]
    public void GivenLatchingAcknowledgedWhileConditionHolds_WhenConditionClears_ThenResolved()
    {
        var episode = Raised(latching: true);
        var acknowledged = AlarmLifecycle.Handle(episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-1", T0.AddSeconds(10)), Escalation);

        var cleared = AlarmLifecycle.OnConditionAbsent(acknowledged.Episode, T0.AddSeconds(30));

        Assert.Equal(AlarmStatus.Acknowledged, acknowledged.Episode!.Status);
        Assert.IsType<AlarmResolved>(Assert.Single(cleared.Events));
    }

    [Theory]
    [InlineData(AlarmPriority.High, 59, 0)]
    [InlineData(AlarmPriority.High, 60, 1)]
    [InlineData(AlarmPriority.High, 120, 2)]
    [InlineData(AlarmPriority.High, 3600, 2)]
    [InlineData(AlarmPriority.Medium, 179, 0)]
    [InlineData(AlarmPriority.Medium, 180, 1)]
    [InlineData(AlarmPriority.Low, 3600, 0)]
    public void GivenUnacknowledgedAlarm_WhenTimePasses_ThenEscalatesPerTierUpToMax(AlarmPriority priority, double seconds, int expectedLevel)
    {
        var transition = AlarmLifecycle.OnTick(Raised(priority), T0.AddSeconds(seconds), Escalation);

        Assert.Equal(expectedLevel, transition.Episode!.EscalationLevel);
        Assert.Equal(expectedLevel, transition.Events.OfType<AlarmEscalated>().Count());
        Assert.Equal(expectedLevel > 0 ? AlarmStatus.Escalated : AlarmStatus.Raised, transition.Episode.Status);
    }

    [Fact]
    public void GivenEscalatedOnce_WhenTickedAgainAtSameTime_ThenNoSecondEvent()
    {
        var first = AlarmLifecycle.OnTick(Raised(), T0.AddSeconds(61), Escalation);

        var second = AlarmLifecycle.OnTick(first.Episode, T0.AddSeconds(61), Escalation);

        Assert.Single(first.Events);
        Assert.Empty(second.Events);
    }

    [Fact]
    public void GivenAcknowledgedAlarm_WhenTimePasses_ThenNeverEscalates()
    {
        var episode = Raised();
        var acknowledged = AlarmLifecycle.Handle(episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-1", T0.AddSeconds(30)), Escalation);

        var transition = AlarmLifecycle.OnTick(acknowledged.Episode, T0.AddHours(1), Escalation);

        Assert.Empty(transition.Events);
    }

    [Fact]
    public void GivenAudioPaused_WhenTickedAfterExpiry_ThenPauseClearedButEscalationTimerKeptRunning()
    {
        var episode = Raised();
        var paused = AlarmLifecycle.Handle(episode, new PauseAudio(episode.EpisodeId, "nurse-1", T0.AddSeconds(10)), Escalation);

        var later = AlarmLifecycle.OnTick(paused.Episode, T0.AddSeconds(130), Escalation);

        Assert.IsType<AlarmAudioPaused>(Assert.Single(paused.Events));
        Assert.True(paused.Episode!.IsAudioPaused(T0.AddSeconds(129)));
        Assert.Equal(T0.AddSeconds(130), paused.Episode.AudioPausedUntil);
        Assert.Null(later.Episode!.AudioPausedUntil);
        Assert.Equal(2, later.Episode.EscalationLevel);
    }

    [Fact]
    public void GivenAcknowledgedAlarm_WhenAcknowledgedAgain_ThenRejectedWithReason()
    {
        var episode = Raised();
        var acknowledged = AlarmLifecycle.Handle(episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-1", T0), Escalation);

        var again = AlarmLifecycle.Handle(acknowledged.Episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-2", T0.AddSeconds(1)), Escalation);

        Assert.True(again.IsRejected);
        Assert.Equal("the alarm is already acknowledged", again.RejectionReason);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void GivenResolvedAlarm_WhenAcknowledged_ThenRejected()
    {
        var resolved = AlarmLifecycle.OnConditionAbsent(Raised(), T0.AddSeconds(5)).Episode;

        var transition = AlarmLifecycle.Handle(resolved, new AcknowledgeAlarm(resolved!.EpisodeId, "nurse-1", T0.AddSeconds(6)), Escalation);

        Assert.Equal("the alarm is already resolved", transition.RejectionReason);
    }

    [Fact]
    public void GivenUnknownEpisodeId_WhenCommandHandled_ThenRejected()
    {
        var transition = AlarmLifecycle.Handle(Raised(), new EscalateAlarm("not-an-episode", "manual", T0), Escalation);

        Assert.True(transition.IsRejected);
    }

    [Fact]
    public void GivenRaisedAlarm_WhenEscalatedByHandBeyondMaxTier_ThenRejected()
    {
        var episode = Raised();
        var once = AlarmLifecycle.Handle(episode, new EscalateAlarm(episode.EpisodeId, "manual", T0.AddSeconds(1)), Escalation);
        var twice = AlarmLifecycle.Handle(once.Episode, new EscalateAlarm(episode.EpisodeId, "manual", T0.AddSeconds(2)), Escalation);

        var thrice = AlarmLifecycle.Handle(twice.Episode, new EscalateAlarm(episode.EpisodeId, "manual", T0.AddSeconds(3)), Escalation);

        Assert.Equal(2, twice.Episode!.EscalationLevel);
        Assert.Equal("the alarm is already at the highest escalation tier", thrice.RejectionReason);
    }

    [Fact]
    public void GivenAcknowledgedMediumAlarm_WhenConditionWorsensToHigh_ThenPriorityIncreasedAndReAlerted()
    {
        var episode = Raised(AlarmPriority.Medium);
        var acknowledged = AlarmLifecycle.Handle(episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-1", T0.AddSeconds(5)), Escalation);

        var worse = AlarmLifecycle.OnConditionPresent(acknowledged.Episode, Patient, Decision(AlarmPriority.High, start: T0.AddSeconds(20)));

        var increased = Assert.IsType<AlarmPriorityIncreased>(Assert.Single(worse.Events));
        Assert.Equal(AlarmPriority.Medium, increased.PreviousPriority);
        Assert.Equal(AlarmStatus.Raised, worse.Episode!.Status);
        Assert.Equal(AlarmPriority.High, worse.Episode.Priority);
        Assert.Equal(episode.EpisodeId, worse.Episode.EpisodeId);
    }

    [Fact]
    public void GivenResolvedEpisode_WhenConditionReturns_ThenNewEpisodeWithNewId()
    {
        var resolved = AlarmLifecycle.OnConditionAbsent(Raised(), T0.AddSeconds(30)).Episode;

        var again = AlarmLifecycle.OnConditionPresent(resolved, Patient, Decision(start: T0.AddSeconds(60)));

        Assert.IsType<AlarmRaised>(Assert.Single(again.Events));
        Assert.NotEqual(resolved!.EpisodeId, again.Episode!.EpisodeId);
    }

    [Fact]
    public void GivenResolvedEpisode_WhenTheSameOccurrenceIsSeenAgain_ThenNothingIsReRaised()
    {
        var resolved = AlarmLifecycle.OnConditionAbsent(Raised(), T0.AddSeconds(30)).Episode;

        var replayed = AlarmLifecycle.OnConditionPresent(resolved, Patient, Decision());

        Assert.Empty(replayed.Events);
    }

    [Fact]
    public void GivenRaisedEpisode_WhenConditionAbsentInDataOlderThanItsStart_ThenNotResolved()
    {
        var episode = AlarmLifecycle.OnConditionPresent(null, Patient, Decision(start: T0.AddSeconds(60))).Episode;

        var transition = AlarmLifecycle.OnConditionAbsent(episode, T0.AddSeconds(59));

        Assert.Empty(transition.Events);
        Assert.Equal(AlarmStatus.Raised, transition.Episode!.Status);
    }
}

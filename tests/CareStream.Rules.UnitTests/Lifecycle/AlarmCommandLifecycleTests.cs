using CareStream.Domain.Alerts;
using CareStream.Rules.Alerts;
using CareStream.Rules.Lifecycle;
using CareStream.Rules.RuleSets;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Lifecycle;

/// <summary>Clinician commands (acknowledge, audio pause, annotate) against the pure lifecycle: exactly once in effect.</summary>
public class AlarmCommandLifecycleTests
{
    private static readonly EscalationConfig Escalation = new(AudioPauseSeconds: 120);

    private static AlarmEpisode Raised() =>
        AlarmLifecycle.OnConditionPresent(null, Patient, new AlertDecision(
            "limit.heartRate", 1, AlarmCategory.Physiological, AlarmPriority.High, "HeartRateLow", "HR 35", T0, T0, ["obs-1"], Latching: false)).Episode!;

    private static AlarmEpisode Resolved() => AlarmLifecycle.OnConditionAbsent(Raised(), T0.AddSeconds(30)).Episode!;

    [Theory]
    [InlineData(AlarmAssessment.TruePositive)]
    [InlineData(AlarmAssessment.FalsePositive)]
    [InlineData(AlarmAssessment.NonActionable)]
    public void GivenRaisedEpisode_WhenAnnotated_ThenAlarmAnnotatedWithByAtAndAssessmentAndStateUnchanged(AlarmAssessment assessment)
    {
        var episode = Raised();

        var transition = AlarmLifecycle.Handle(episode, new AnnotateAlarm(episode.EpisodeId, "nurse-7", T0.AddSeconds(20), assessment, "lead off"), Escalation);

        var annotated = Assert.IsType<AlarmAnnotated>(Assert.Single(transition.Events));
        Assert.Equal(("nurse-7", T0.AddSeconds(20), assessment, "lead off"), (annotated.AnnotatedBy, annotated.OccurredAt, annotated.Assessment, annotated.Note));
        Assert.Equal(episode, transition.Episode);
        Assert.Equal(StableIds.EventId(episode.EpisodeId, $"annotated|{T0.AddSeconds(20).UtcTicks}"), annotated.EventId);
    }

    [Fact]
    public void GivenResolvedEpisode_WhenAnnotatedAfterwards_ThenAccepted()
    {
        var episode = Resolved();

        var transition = AlarmLifecycle.Handle(episode, new AnnotateAlarm(episode.EpisodeId, "nurse-7", T0.AddMinutes(5), AlarmAssessment.FalsePositive), Escalation);

        var annotated = Assert.IsType<AlarmAnnotated>(Assert.Single(transition.Events));
        Assert.Null(annotated.Note);
        Assert.Equal(AlarmStatus.Resolved, annotated.Episode.Status);
    }

    [Fact]
    public void GivenNoteLongerThan500Characters_WhenAnnotated_ThenRejectedWithoutEvent()
    {
        var episode = Raised();

        var transition = AlarmLifecycle.Handle(
            episode, new AnnotateAlarm(episode.EpisodeId, "nurse-7", T0, AlarmAssessment.TruePositive, new string('x', 501)), Escalation);

        Assert.True(transition.IsRejected);
        Assert.Empty(transition.Events);
        Assert.Contains("500", transition.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnknownEpisode_WhenAcknowledged_ThenRejectedWithReasonAndNoEvent()
    {
        var transition = AlarmLifecycle.Handle(Raised(), new AcknowledgeAlarm("no-such-episode", "nurse-7", T0), Escalation);

        Assert.True(transition.IsRejected);
        Assert.Empty(transition.Events);
        Assert.Contains("not the current episode", transition.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenResolvedEpisode_WhenAcknowledged_ThenRejectedWithReasonAndNoEvent()
    {
        var episode = Resolved();

        var transition = AlarmLifecycle.Handle(episode, new AcknowledgeAlarm(episode.EpisodeId, "nurse-7", T0.AddMinutes(1)), Escalation);

        Assert.True(transition.IsRejected);
        Assert.Empty(transition.Events);
        Assert.Contains("resolved", transition.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAcknowledgedEpisode_WhenTheSameAcknowledgementIsRedelivered_ThenNoSecondEvent()
    {
        var episode = Raised();
        var ack = new AcknowledgeAlarm(episode.EpisodeId, "nurse-7", T0.AddSeconds(10));
        var first = AlarmLifecycle.Handle(episode, ack, Escalation);

        var again = AlarmLifecycle.Handle(first.Episode, ack, Escalation);

        var acknowledged = Assert.IsType<AlarmAcknowledged>(Assert.Single(first.Events));
        Assert.Equal("nurse-7", acknowledged.AcknowledgedBy);
        Assert.Equal(T0.AddSeconds(10), acknowledged.Episode.AcknowledgedAt);
        Assert.True(again.IsRejected);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void GivenPausedEpisode_WhenTheSamePauseIsRedelivered_ThenNoSecondEvent()
    {
        var episode = Raised();
        var pause = new PauseAudio(episode.EpisodeId, "nurse-7", T0.AddSeconds(5), TimeSpan.FromMinutes(2));
        var first = AlarmLifecycle.Handle(episode, pause, Escalation);

        var again = AlarmLifecycle.Handle(first.Episode, pause, Escalation);

        Assert.Equal(T0.AddSeconds(5) + TimeSpan.FromMinutes(2), Assert.IsType<AlarmAudioPaused>(Assert.Single(first.Events)).Episode.AudioPausedUntil);
        Assert.False(again.IsRejected);
        Assert.Empty(again.Events);
    }

    [Theory]
    [InlineData(600, false)]
    [InlineData(601, true)]
    [InlineData(0, true)]
    public void GivenPauseLength_WhenPaused_ThenBoundedByTenMinutes(int seconds, bool rejected)
    {
        var episode = Raised();

        var transition = AlarmLifecycle.Handle(episode, new PauseAudio(episode.EpisodeId, "nurse-7", T0, TimeSpan.FromSeconds(seconds)), Escalation);

        Assert.Equal(rejected, transition.IsRejected);
        Assert.Equal(rejected ? 0 : 1, transition.Events.Count);
    }
}

using CareStream.Domain.Alerts;
using CareStream.Domain.Vitals;
using CareStream.Rules.Alerts;
using CareStream.Rules.Lifecycle;
using CareStream.Rules.News2;
using CareStream.Rules.RuleSets;
using CareStream.Rules.Tracking;
using static CareStream.Rules.UnitTests.TestVitals;

namespace CareStream.Rules.UnitTests.Tracking;

public class PatientAlarmTrackerTests
{
    private const string SpO2Rule = "limit.oxygenSaturation";

    /// <summary>SpO₂ limits only (warning &lt;90 Medium after 15 s, critical &lt;85 High after 10 s, hysteresis 2) and "no data".</summary>
    private static RuleSet SpO2Only() => new(
        "test", 1, "ward-test",
        new Dictionary<string, ParameterLimits>
        {
            ["oxygenSaturation"] = new(new LimitBand(85, AlarmPriority.High, 10), new LimitBand(90, AlarmPriority.Medium, 15), Hysteresis: 2),
        },
        [],
        new News2RuleConfig(Enabled: false),
        new TechnicalConfig(new Dictionary<string, StaleDataConfig> { ["oxygenSaturation"] = new(5, 3) }),
        new EscalationConfig());

    private static List<AlarmEvent> Feed(PatientAlarmTracker tracker, IEnumerable<VitalSignReading> readings) =>
        [.. readings.SelectMany(r => tracker.OnReading(r, r.EffectiveAt))];

    [Fact]
    public void GivenDesaturationShorterThanDelay_WhenTracked_ThenNoAlarm_AndLongerOneRaisesExactlyOne()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var oneSecond = Seconds(1);

        var shortDip = Feed(tracker, [
            .. Constant(VitalSignKind.OxygenSaturation, 97, T0, oneSecond, 10),
            .. Constant(VitalSignKind.OxygenSaturation, 88, T0.AddSeconds(10), oneSecond, 10),
            .. Constant(VitalSignKind.OxygenSaturation, 97, T0.AddSeconds(20), oneSecond, 10)]);
        var longDip = Feed(tracker, Constant(VitalSignKind.OxygenSaturation, 88, T0.AddSeconds(30), oneSecond, 40));

        Assert.Empty(shortDip);
        var raised = Assert.IsType<AlarmRaised>(Assert.Single(longDip));
        Assert.Equal(T0.AddSeconds(45), raised.OccurredAt);
        Assert.Equal(AlarmPriority.Medium, raised.Episode.Priority);
    }

    [Fact]
    public void GivenActiveAlarm_WhenValueOscillatesInsideHysteresisBand_ThenNoAlarmStorm()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var raise = Feed(tracker, Constant(VitalSignKind.OxygenSaturation, 88, T0, Seconds(1), 20));

        var oscillation = Feed(tracker, Series(VitalSignKind.OxygenSaturation, T0.AddSeconds(20), Seconds(1),
            [.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 89.0 : 91.0)]));
        var recovery = Feed(tracker, Constant(VitalSignKind.OxygenSaturation, 93, T0.AddSeconds(80), Seconds(1), 5));
        var afterwards = Feed(tracker, Series(VitalSignKind.OxygenSaturation, T0.AddSeconds(85), Seconds(1),
            [.. Enumerable.Range(0, 60).Select(i => i % 2 == 0 ? 89.0 : 91.0)]));

        Assert.IsType<AlarmRaised>(Assert.Single(raise));
        Assert.Empty(oscillation);
        Assert.IsType<AlarmResolved>(Assert.Single(recovery));
        Assert.Empty(afterwards);
    }

    [Fact]
    public void GivenDuplicateReading_WhenFedTwice_ThenNotificationIsNotDuplicated()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var critical = Reading(VitalSignKind.OxygenSaturation, 80, T0, "obs-dup");
        var tenSecondsLater = Reading(VitalSignKind.OxygenSaturation, 80, T0.AddSeconds(10), "obs-2");
        Feed(tracker, [critical]);

        var first = tracker.OnReading(tenSecondsLater, tenSecondsLater.EffectiveAt);
        var duplicate = tracker.OnReading(tenSecondsLater, tenSecondsLater.EffectiveAt);

        Assert.IsType<AlarmRaised>(Assert.Single(first));
        Assert.Empty(duplicate);
    }

    [Fact]
    public void GivenSameInputs_WhenReplayedOnTwoTrackers_ThenIdenticalEvents()
    {
        var inputs = Scenario();

        var first = Run(PatientAlarmTracker.ForRuleSet(Patient, SpO2Only()), inputs);
        var second = Run(PatientAlarmTracker.ForRuleSet(Patient, SpO2Only()), inputs);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(e => (e.EventId, e.GetType(), e.OccurredAt)), second.Select(e => (e.EventId, e.GetType(), e.OccurredAt)));
    }

    [Theory]
    [InlineData(120, 120)]
    [InlineData(120, 100)]
    [InlineData(270, 255)]
    [InlineData(330, 300)]
    [InlineData(80, 55)]
    [InlineData(250, 235)]
    [InlineData(399, 399)]
    public void GivenRestartDuringActiveAlarm_WhenStateRebuiltAndLiveContinues_ThenNoDuplicateAndNoMissedNotification(
        int crashSecond, int committedSecond)
    {
        var inputs = Scenario();
        var reference = Run(PatientAlarmTracker.ForRuleSet(Patient, SpO2Only()), inputs);
        var crash = T0.AddSeconds(crashSecond);
        var committed = T0.AddSeconds(committedSecond);
        var before = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var published = Run(before, inputs.Where(i => i.At <= crash));

        // Restart: episodes from the alert store, readings up to the committed offset replayed, the rest redelivered.
        var restarted = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only(), before.Episodes);
        restarted.Replay(inputs.OfType<ReadingInput>().Where(i => i.At <= committed).Select(i => i.Reading));
        published.AddRange(Run(restarted, inputs.Where(i => i.At > committed && i is not CommandInput || i.At > crash)));

        Assert.Equal(reference.Select(e => e.EventId), published.Select(e => e.EventId));
        Assert.Equal(published.Count, published.Select(e => e.EventId).Distinct().Count());
        Assert.Contains(reference, e => e is AlarmEscalated);
        Assert.Equal(2, reference.OfType<AlarmRaised>().Count());
    }

    [Fact]
    public void GivenRestartWithoutStoredEpisodes_WhenLiveContinues_ThenActiveAlarmIsReAnnouncedUnderTheSameIds()
    {
        var inputs = Scenario().Where(i => i is not CommandInput).ToList();
        var reference = Run(PatientAlarmTracker.ForRuleSet(Patient, SpO2Only()), inputs);
        var crash = T0.AddSeconds(270);
        var restarted = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        restarted.Replay(inputs.OfType<ReadingInput>().Where(i => i.At <= crash).Select(i => i.Reading));

        var live = Run(restarted, inputs.Where(i => i.At > crash));

        // Without the alert store the raise is repeated, but with the original ids, so consumers de-duplicate it.
        var raised = Assert.IsType<AlarmRaised>(live[0]);
        Assert.Contains(reference, e => e.EventId == raised.EventId);
        Assert.All(live, e => Assert.Contains(reference, r => r.EventId == e.EventId));
    }

    [Fact]
    public void GivenLatchingLimit_WhenConditionClears_ThenStaysUntilAcknowledged()
    {
        var latching = SpO2Only() with
        {
            Limits = new Dictionary<string, ParameterLimits>
            {
                ["oxygenSaturation"] = new(WarningLow: new LimitBand(90, AlarmPriority.Medium), Hysteresis: 2, Latching: true),
            },
        };
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, latching);
        var raised = Feed(tracker, [Reading(VitalSignKind.OxygenSaturation, 86, T0)]);

        var cleared = Feed(tracker, [Reading(VitalSignKind.OxygenSaturation, 97, T0.AddSeconds(5))]);
        var acknowledged = tracker.Handle(new AcknowledgeAlarm(raised[0].Episode.EpisodeId, "nurse-1", T0.AddSeconds(20)));

        Assert.Empty(cleared);
        Assert.Collection(acknowledged.Events, e => Assert.IsType<AlarmAcknowledged>(e), e => Assert.IsType<AlarmResolved>(e));
        Assert.DoesNotContain(tracker.Episodes, e => e.IsOpen);
    }

    [Fact]
    public void GivenReloadedRuleSet_WhenRulesUpdated_ThenOpenEpisodeContinuesWithoutNewEvents()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        Feed(tracker, Constant(VitalSignKind.OxygenSaturation, 86, T0, Seconds(1), 20));
        var reloaded = SpO2Only() with { Version = 2 };

        tracker.UpdateRules(RuleSetCompiler.Compile(reloaded), reloaded.EffectiveEscalation);
        var after = Feed(tracker, [Reading(VitalSignKind.OxygenSaturation, 86, T0.AddSeconds(20))]);

        Assert.Empty(after);
        Assert.Single(tracker.Episodes, e => e.IsOpen);
    }

    [Fact]
    public void GivenRegularDataForTwentyFourHours_WhenTickedThroughout_ThenNoFalseStaleAlarm_AndSilenceRaisesWithinOneTick()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var events = new List<AlarmEvent>();
        var interval = Seconds(5);
        var end = T0.AddHours(24);
        for (var t = T0; t < end; t += interval)
        {
            events.AddRange(tracker.OnReading(Reading(VitalSignKind.OxygenSaturation, 97, t), t));
            events.AddRange(tracker.OnTick(t + Seconds(2.5)));
        }

        var last = end - interval;
        var silentTicks = Enumerable.Range(1, 7).Select(i => tracker.OnTick(last + Seconds(2.5 * i))).ToList();
        var resumed = tracker.OnReading(Reading(VitalSignKind.OxygenSaturation, 97, end + Seconds(15)), end + Seconds(15));

        Assert.Empty(events);
        Assert.All(silentTicks.Take(6), Assert.Empty);
        var stale = Assert.IsType<AlarmRaised>(Assert.Single(silentTicks[6]));
        Assert.Equal("technical.noData.oxygenSaturation", stale.Episode.RuleId);
        Assert.Equal(AlarmCategory.Technical, stale.Episode.Category);
        Assert.IsType<AlarmResolved>(Assert.Single(resumed));
    }

    [Fact]
    public void GivenSensorOffReported_WhenValidReadingFromThatDeviceFollows_ThenTechnicalAlarmRaisedThenResolved()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        Feed(tracker, [Reading(VitalSignKind.OxygenSaturation, 97, T0)]);

        var off = tracker.OnDeviceSignal(new DeviceSignalReport(BedsideMonitor, VitalSignKind.OxygenSaturation, DeviceSignalCondition.SensorOff, T0.AddSeconds(1)), T0.AddSeconds(1));
        var back = Feed(tracker, [Reading(VitalSignKind.OxygenSaturation, 97, T0.AddSeconds(5))]);

        Assert.Equal("technical.sensorOff", Assert.IsType<AlarmRaised>(Assert.Single(off)).Episode.RuleId);
        Assert.IsType<AlarmResolved>(Assert.Single(back));
    }

    [Fact]
    public void GivenChartedVoiceResponse_WhenNews2Enabled_ThenNews2AlarmFromCharting()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only() with { News2 = new News2RuleConfig() });
        Feed(tracker, [
            Reading(VitalSignKind.RespiratoryRate, 16, T0), Reading(VitalSignKind.OxygenSaturation, 97, T0),
            Reading(VitalSignKind.SystolicBloodPressure, 120, T0), Reading(VitalSignKind.HeartRate, 70, T0),
            Reading(VitalSignKind.BodyTemperature, 37, T0)]);

        var events = tracker.OnCharting(new ChartingInputs(true, Consciousness.Voice), T0.AddSeconds(5));

        var raised = Assert.IsType<AlarmRaised>(Assert.Single(events));
        Assert.Equal("news2", raised.Episode.RuleId);
        Assert.Equal(AlarmPriority.Medium, raised.Episode.Priority);
    }

    [Fact]
    public void GivenNews2OfFourOnAir_WhenOxygenIsCharted_ThenTwoMorePointsRaiseAMediumNews2Alarm()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only() with { News2 = new News2RuleConfig() });
        tracker.OnCharting(new ChartingInputs(false, Consciousness.Alert), T0);
        var before = Feed(tracker, [
            Reading(VitalSignKind.RespiratoryRate, 22, T0), Reading(VitalSignKind.OxygenSaturation, 95, T0),
            Reading(VitalSignKind.SystolicBloodPressure, 105, T0), Reading(VitalSignKind.HeartRate, 60, T0),
            Reading(VitalSignKind.BodyTemperature, 37, T0)]);

        var events = tracker.OnCharting(tracker.Charting with { OnSupplementalOxygen = true }, T0.AddSeconds(5));

        Assert.Empty(before); // 2 + 1 + 1 + 0 + 0 + air 0 + alert 0 = 4: low, no alarm
        var raised = Assert.IsType<AlarmRaised>(Assert.Single(events));
        Assert.Equal(("news2", AlarmPriority.Medium), (raised.Episode.RuleId, raised.Episode.Priority));
        Assert.StartsWith("NEWS2 6", raised.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRestoredCharting_WhenRestored_ThenNoEventUntilTheNextInputEvaluatesWithIt()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only() with { News2 = new News2RuleConfig() });

        tracker.RestoreCharting(new ChartingInputs(true, Consciousness.Alert, SpO2Scale.Scale2));
        var events = Feed(tracker, [
            Reading(VitalSignKind.RespiratoryRate, 22, T0), Reading(VitalSignKind.OxygenSaturation, 95, T0),
            Reading(VitalSignKind.SystolicBloodPressure, 105, T0), Reading(VitalSignKind.HeartRate, 60, T0),
            Reading(VitalSignKind.BodyTemperature, 37, T0)]);

        Assert.Equal(SpO2Scale.Scale2, tracker.Charting.SpO2Scale);
        Assert.Contains(events, e => e is AlarmRaised { Episode.RuleId: "news2" });
    }

    [Fact]
    public void GivenAnAlarm_WhenAnnotatedThroughTheTracker_ThenOneAnnotatedEventAndUnknownEpisodesAreRejected()
    {
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, SpO2Only());
        var raised = Feed(tracker, Constant(VitalSignKind.OxygenSaturation, 80, T0, Seconds(1), 12)).OfType<AlarmRaised>().First();

        var annotated = tracker.Handle(new AnnotateAlarm(raised.Episode.EpisodeId, "nurse-7", T0.AddSeconds(20), AlarmAssessment.FalsePositive));
        var unknown = tracker.Handle(new AcknowledgeAlarm("unknown-episode", "nurse-7", T0.AddSeconds(21)));

        Assert.IsType<AlarmAnnotated>(Assert.Single(annotated.Events));
        Assert.True(unknown.IsRejected);
        Assert.Empty(unknown.Events);
    }

    [Fact]
    public void GivenAlarmFromOneReading_WhenThatReadingIsEnteredInError_ThenAlarmResolvesAndTheCorrectionIsNotDuplicated()
    {
        var immediate = SpO2Only() with
        {
            Limits = new Dictionary<string, ParameterLimits> { ["heartRate"] = new(WarningHigh: new LimitBand(130, AlarmPriority.Medium)) },
        };
        var tracker = PatientAlarmTracker.ForRuleSet(Patient, immediate);
        Feed(tracker, [Reading(VitalSignKind.HeartRate, 80, T0)]);
        var artefact = Reading(VitalSignKind.HeartRate, 190, T0.AddSeconds(5), "obs-artefact");
        var raised = Feed(tracker, [artefact]);
        var correction = artefact with { Status = ObservationStatus.EnteredInError };

        var corrected = tracker.OnReading(correction, T0.AddSeconds(6));
        var again = tracker.OnReading(correction, T0.AddSeconds(7));

        Assert.IsType<AlarmRaised>(Assert.Single(raised));
        Assert.IsType<AlarmResolved>(Assert.Single(corrected));
        Assert.Empty(again);
    }

    /// <summary>
    /// 6 minutes at 1 Hz: normal; desaturation 86 % from 60 s (Medium at 75 s, acknowledged at 100 s); recovery at
    /// 180 s (resolves); critical 80 % from 240 s (High at 250 s, escalates at 310 s); recovery at 360 s. Ticks every 5 s.
    /// </summary>
    private static List<TrackerInput> Scenario()
    {
        var inputs = new List<TrackerInput>();
        for (var s = 0; s < 400; s++)
        {
            var value = s switch { < 60 => 97.0, < 180 => 86.0, < 240 => 97.0, < 360 => 80.0, _ => 97.0 };
            inputs.Add(new ReadingInput(Reading(VitalSignKind.OxygenSaturation, value, T0.AddSeconds(s))));
            if (s % 5 == 2)
            {
                inputs.Add(new TickInput(T0.AddSeconds(s)));
            }
        }

        var firstEpisode = StableIds.EpisodeId(SpO2Rule, Patient, T0.AddSeconds(60));
        inputs.Add(new CommandInput(new AcknowledgeAlarm(firstEpisode, "nurse-7", T0.AddSeconds(100.5))));
        return [.. inputs.OrderBy(i => i.At)];
    }

    private static List<AlarmEvent> Run(PatientAlarmTracker tracker, IEnumerable<TrackerInput> inputs)
    {
        var events = new List<AlarmEvent>();
        foreach (var input in inputs)
        {
            events.AddRange(input switch
            {
                ReadingInput r => tracker.OnReading(r.Reading, r.At),
                TickInput t => tracker.OnTick(t.At),
                CommandInput c => tracker.Handle(c.Command).Events,
                _ => throw new ArgumentOutOfRangeException(nameof(inputs)),
            });
        }

        return events;
    }

    private abstract record TrackerInput(DateTimeOffset At);

    private sealed record ReadingInput(VitalSignReading Reading) : TrackerInput(Reading.EffectiveAt);

    private sealed record TickInput(DateTimeOffset Time) : TrackerInput(Time);

    private sealed record CommandInput(AlarmCommand Command) : TrackerInput(Command.At);
}

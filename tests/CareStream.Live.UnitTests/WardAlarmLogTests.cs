using CareStream.Live.Hubs;
using CareStream.Live.Relay;

namespace CareStream.Live.UnitTests;

public sealed class WardAlarmLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenARedeliveredEvent_WhenAppended_ThenItKeepsItsFirstSequenceNumberAndIsNotReturnedAgain()
    {
        var log = new WardAlarmLog(capacity: 100);

        var first = log.Append(s => Alarm(s, "evt-1", "ep-1", "raised"));
        var again = log.Append(s => Alarm(s, "evt-1", "ep-1", "raised"));

        Assert.Equal(1, first!.Sequence);
        Assert.Null(again);
        Assert.Equal(1, log.Sequence);
    }

    [Fact]
    public void GivenAClientThatSawSequenceN_WhenItResumes_ThenItGetsEveryLaterChangeOnceInOrder()
    {
        var log = new WardAlarmLog(capacity: 100);
        for (var i = 1; i <= 10; i++)
        {
            log.Append(s => Alarm(s, $"evt-{i}", $"ep-{i}", "raised"));
        }

        var missed = log.After(4);

        Assert.Equal([5, 6, 7, 8, 9, 10], missed!.Select(a => a.Sequence));
    }

    [Fact]
    public void GivenAGapOlderThanTheLog_WhenAClientResumes_ThenTheGapIsReportedNotSilentlySkipped()
    {
        var log = new WardAlarmLog(capacity: 3);
        for (var i = 1; i <= 10; i++)
        {
            log.Append(s => Alarm(s, $"evt-{i}", $"ep-{i}", "raised"));
        }

        Assert.Null(log.After(2));
        Assert.Equal([8, 9, 10], log.After(7)!.Select(a => a.Sequence));
    }

    [Fact]
    public void GivenAClientAheadOfTheServer_WhenItResumes_ThenTheGapIsReported()
    {
        var log = new WardAlarmLog(capacity: 10);
        log.Append(s => Alarm(s, "evt-1", "ep-1", "raised"));

        Assert.Null(log.After(50)); // the server restarted: its numbering began again
    }

    [Fact]
    public void GivenRaisedThenResolved_WhenOpenAlarmsAreListed_ThenOnlyUnresolvedEpisodesRemainHighPriorityFirst()
    {
        var log = new WardAlarmLog(capacity: 10);
        log.Append(s => Alarm(s, "evt-1", "ep-1", "raised", priority: "medium"));
        log.Append(s => Alarm(s, "evt-2", "ep-2", "raised", priority: "high"));
        log.Append(s => Alarm(s, "evt-3", "ep-3", "raised", priority: "low"));
        log.Append(s => Alarm(s, "evt-4", "ep-4", "raised", priority: "low"));
        log.Append(s => Alarm(s, "evt-5", "ep-3", "resolved", priority: "low"));

        Assert.Equal(["ep-2", "ep-1", "ep-4"], log.Open().Select(a => a.EpisodeId));
    }

    private static AlarmNotification Alarm(long sequence, string eventId, string episode, string status, string priority = "high") =>
        new(sequence, eventId, status, episode, "limit.spo2", "patient-1", "bed-1", "physiological", priority, "PH",
            "SpO2Low", status, 0, At, At, null);
}

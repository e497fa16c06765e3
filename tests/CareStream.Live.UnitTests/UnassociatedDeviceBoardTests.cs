using CareStream.Live.Hubs;
using CareStream.Live.Relay;
using Microsoft.Extensions.Options;

namespace CareStream.Live.UnitTests;

public sealed class UnassociatedDeviceBoardTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public void GivenAnUnassociatedEvent_WhenMarked_ThenTheBedIsMarkedOnceAndInTheSnapshot()
    {
        var state = new LiveWardState(Options.Create(new LiveOptions()));

        state.UnassociatedDevices.Mark("ward-1", "bed-7", "monitor-7", At);
        state.UnassociatedDevices.Mark("ward-1", "bed-7", "monitor-7", At.AddMinutes(1));

        var change = Assert.Single(state.UnassociatedDevices.DrainChanges());
        Assert.Equal(("ward-1", "bed-7", true), (change.Ward, change.Marker.Bed, change.Marker.Active));
        var marker = Assert.Single(state.Snapshot("ward-1", At.AddMinutes(1)).UnassociatedDevices);
        Assert.Equal("monitor-7", marker.Device);
        Assert.Empty(state.Snapshot("ward-2", At).UnassociatedDevices);
    }

    [Fact]
    public void GivenAMarkedBed_WhenItsPatientsReadingArrives_ThenTheMarkerClears()
    {
        var state = new LiveWardState(Options.Create(new LiveOptions()));
        state.UnassociatedDevices.Mark("ward-1", "bed-7", "monitor-7", At);
        state.UnassociatedDevices.DrainChanges();

        state.Record("ward-1", new VitalSignUpdate("bed-7", "patient-7", "heartRate", 72, "/min", At.AddSeconds(5)));

        var change = Assert.Single(state.UnassociatedDevices.DrainChanges());
        Assert.False(change.Marker.Active);
        Assert.Empty(state.UnassociatedDevices.Of("ward-1"));
    }

    [Theory]
    [InlineData(119, true)]
    [InlineData(120, false)]
    public void GivenAMarkedBed_WhenNoEventFollowsForTheTimeout_ThenTheMarkerClears(int secondsLater, bool stillMarked)
    {
        var board = new UnassociatedDeviceBoard(Timeout);
        board.Mark("ward-1", "bed-7", "monitor-7", At);
        board.DrainChanges();

        board.Expire(At.AddSeconds(secondsLater));

        Assert.Equal(stillMarked, board.Of("ward-1").Count == 1);
        Assert.Equal(stillMarked ? [] : [false], board.DrainChanges().Select(c => c.Marker.Active));
    }

    [Fact]
    public void GivenARepeatedEvent_WhenTheTimeoutWouldHavePassedSinceTheFirst_ThenTheMarkerStays()
    {
        var board = new UnassociatedDeviceBoard(Timeout);
        board.Mark("ward-1", "bed-7", "monitor-7", At);
        board.Mark("ward-1", "bed-7", "monitor-7", At.AddMinutes(1));

        board.Expire(At.AddMinutes(2.5));

        Assert.Single(board.Of("ward-1"));
    }
}

using CareStream.Domain;
using CareStream.Ingestion.Normalization;

namespace CareStream.Ingestion.UnitTests.Normalization;

public sealed class UnassociatedDeviceTrackerTests
{
    private static readonly DateTimeOffset T0 = NormalizerFixture.T0;
    private static readonly DeviceId Device = new("dev-t");

    [Theory]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(600, true)]
    public void GivenAnEventRaisedAtT0_WhenTheNextHeldReadingComesSecondsLater_ThenItRaisesOnlyAfterTheInterval(int seconds, bool raises)
    {
        var tracker = new UnassociatedDeviceTracker(TimeSpan.FromMinutes(1));
        Assert.True(tracker.ShouldRaise(Device, T0));

        var raised = tracker.ShouldRaise(Device, T0.AddSeconds(seconds));

        Assert.Equal(raises, raised);
    }

    [Fact]
    public void GivenADeviceAssociatedInBetween_WhenItIsUnassociatedAgain_ThenTheEventIsRaisedAtOnce()
    {
        var tracker = new UnassociatedDeviceTracker(TimeSpan.FromMinutes(1));
        tracker.ShouldRaise(Device, T0);

        tracker.Associated(Device);
        var raised = tracker.ShouldRaise(Device, T0.AddSeconds(5));

        Assert.True(raised);
        Assert.True(tracker.ShouldRaise(new DeviceId("dev-other"), T0.AddSeconds(5)));
    }
}

using CareStream.Live.Relay;

namespace CareStream.Live.UnitTests;

public sealed class TrendRingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Resolution = TimeSpan.FromSeconds(5);

    [Fact]
    public void GivenOneReadingPerSecond_WhenTheSeriesIsRead_ThenItHoldsTheLatestReadingOfEachFiveSecondBucket()
    {
        var ring = new TrendRing(Window, Resolution);
        for (var s = 0; s < 10; s++)
        {
            ring.Add("patient-1", At.AddSeconds(s), 60 + s);
        }

        var series = ring.Series("bed-1", "heartRate", At.AddSeconds(10))!;

        Assert.Equal(At.AddSeconds(4), series.Start);
        Assert.Equal([0L, 5_000L], series.OffsetsMs);
        Assert.Equal([64.0, 69.0], series.Values);
        Assert.Equal("patient-1", series.Patient);
    }

    [Fact]
    public void GivenReadingsOlderThanTheWindow_WhenTheSeriesIsRead_ThenOnlyTheLastFifteenMinutesRemain()
    {
        var ring = new TrendRing(Window, Resolution);
        for (var s = 0; s < 30 * 60; s += 5)
        {
            ring.Add("patient-1", At.AddSeconds(s), 70);
        }

        var now = At.AddMinutes(30);
        var series = ring.Series("bed-1", "heartRate", now)!;

        Assert.True(series.Start >= now - Window, $"The series starts at {series.Start:O}, before the window.");
        Assert.Equal(180, series.Values.Count);
        Assert.Equal(now.AddSeconds(-5), series.Start.AddMilliseconds(series.OffsetsMs[^1]));
    }

    [Fact]
    public void GivenAnOutOfOrderRedelivery_WhenAdded_ThenTheNewerPointIsKept()
    {
        var ring = new TrendRing(Window, Resolution);
        ring.Add("patient-1", At.AddSeconds(20), 80);

        ring.Add("patient-1", At.AddSeconds(3), 50);
        ring.Add("patient-1", At.AddSeconds(19), 51);

        var series = ring.Series("bed-1", "heartRate", At.AddSeconds(30))!;
        Assert.Equal([80.0], series.Values);
    }

    [Fact]
    public void GivenANewPatientInTheBed_WhenAdded_ThenThePreviousPatientsPointsAreGone()
    {
        var ring = new TrendRing(Window, Resolution);
        ring.Add("patient-1", At, 120);
        ring.Add("patient-1", At.AddSeconds(5), 121);

        ring.Add("patient-2", At.AddSeconds(10), 65);

        var series = ring.Series("bed-1", "heartRate", At.AddSeconds(15))!;
        Assert.Equal("patient-2", series.Patient);
        Assert.Equal([65.0], series.Values);
    }

    [Fact]
    public void GivenOnlyStalePoints_WhenTheSeriesIsRead_ThenThereIsNone()
    {
        var ring = new TrendRing(Window, Resolution);
        ring.Add("patient-1", At, 70);

        Assert.Null(ring.Series("bed-1", "heartRate", At + Window + TimeSpan.FromSeconds(1)));
    }
}

using CareStream.Live.Hubs;
using CareStream.Live.Relay;
using Microsoft.Extensions.Options;

namespace CareStream.Live.UnitTests;

public sealed class LiveWardStateTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenAQuarterHourOfReadings_WhenAClientJoins_ThenTheSnapshotCarriesEachBedsTrendPerParameter()
    {
        var state = new LiveWardState(Options.Create(new LiveOptions()));
        for (var s = 0; s < 20 * 60; s++)
        {
            state.Record("ward-1", Update("bed-1", "patient-1", "heartRate", 70 + (s % 10), At.AddSeconds(s)));
            state.Record("ward-1", Update("bed-2", "patient-2", "oxygenSaturation", 96, At.AddSeconds(s)));
        }

        state.Record("ward-2", Update("bed-9", "patient-9", "heartRate", 99, At));

        var snapshot = state.Snapshot("ward-1", At.AddMinutes(20));

        Assert.Equal(["bed-1|heartRate", "bed-2|oxygenSaturation"], snapshot.Trends.Select(t => $"{t.Bed}|{t.Kind}").Order());
        var heartRate = snapshot.Trends.Single(t => t.Kind == "heartRate");
        Assert.Equal("patient-1", heartRate.Patient);
        Assert.Equal(180, heartRate.Values.Count);
        Assert.True(heartRate.Start >= At.AddMinutes(5), "Points older than 15 minutes were sent.");
        Assert.Equal(79, heartRate.Values[^1]);
    }

    [Fact]
    public void GivenAWardWithoutReadings_WhenAClientJoins_ThenTheSnapshotHasNoTrends()
    {
        var state = new LiveWardState(Options.Create(new LiveOptions()));

        var snapshot = state.Snapshot("ward-1", At);

        Assert.Empty(snapshot.Trends);
        Assert.Empty(snapshot.Latest);
    }

    private static VitalSignUpdate Update(string bed, string patient, string kind, double value, DateTimeOffset at) =>
        new(bed, patient, kind, value, "/min", at);
}

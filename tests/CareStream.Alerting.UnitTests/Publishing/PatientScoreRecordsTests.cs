using CareStream.Alerting.Publishing;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Rules.News2;

namespace CareStream.Alerting.UnitTests.Publishing;

public sealed class PatientScoreRecordsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly PatientId Patient = new("patient-score-1");
    private static readonly BedLocation Bed = new(new WardId("ward-1"), "Ward 1", new BedId("ward-1-bed-02"), "Bed 2");
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public void GivenACompleteHighScore_WhenMapped_ThenTheRecordCarriesScoreLevelScaleAndLocation()
    {
        var result = News2Calculator.Calculate(new News2Inputs(26, 90, true, 95, 125, Consciousness.Alert, 39.5, SpO2Scale.Scale1, false));

        var record = PatientScoreRecords.From(Patient, result, Bed, At, Hour);

        Assert.Equal(result.Aggregate, record.Score);
        Assert.Equal("high", record.ResponseLevel);
        Assert.Equal(1, record.Scale);
        Assert.Empty(record.Missing);
        Assert.Equal(("ward-1", "ward-1-bed-02"), (record.Ward, record.Bed));
        Assert.Equal(At + Hour, record.ValidUntil);
    }

    [Fact]
    public void GivenNoChartingYet_WhenMapped_ThenTheScoreIsIncompleteWithNoNumberNeverZeroFilled()
    {
        var result = News2Calculator.Calculate(new News2Inputs(16, 97, null, 120, 70, null, 37.0, SpO2Scale.Scale1, false));

        var record = PatientScoreRecords.From(Patient, result, Bed, At, Hour);

        Assert.Null(record.Score);
        Assert.Null(record.ResponseLevel);
        Assert.Equal(["airOrOxygen", "consciousness"], record.Missing);
    }

    [Theory]
    [InlineData(News2ResponseLevel.Low, "low")]
    [InlineData(News2ResponseLevel.LowMedium, "low-medium")]
    [InlineData(News2ResponseLevel.Medium, "medium")]
    [InlineData(News2ResponseLevel.High, "high")]
    public void GivenAResponseLevel_WhenNamedForTheWire_ThenItIsTheCodecsName(News2ResponseLevel level, string expected)
    {
        var name = PatientScoreRecords.WireName(level);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(7, 7, 0, false)]    // unchanged, just computed
    [InlineData(7, 7, 29, false)]   // unchanged, within the first half of its validity
    [InlineData(7, 7, 30, true)]    // unchanged, refresh due
    [InlineData(7, 8, 1, true)]     // changed
    public void GivenTheLastPublishedScore_WhenACandidateIsComputed_ThenPublishedOnChangeOrRefresh(
        int lastScore, int candidateScore, int minutesLater, bool expected)
    {
        var last = PatientScoreRecords.From(Patient, Complete(lastScore), Bed, At, Hour);
        var now = At.AddMinutes(minutesLater);
        var candidate = PatientScoreRecords.From(Patient, Complete(candidateScore), Bed, now, Hour);

        var due = PatientScoreRecords.IsDue(candidate, last, now);

        Assert.Equal(expected, due);
    }

    [Fact]
    public void GivenAPatientMovedBed_WhenTheScoreIsUnchanged_ThenItIsPublishedForTheNewBed()
    {
        var last = PatientScoreRecords.From(Patient, Complete(5), Bed, At, Hour);
        var moved = Bed with { Bed = new BedId("ward-1-bed-03") };
        var candidate = PatientScoreRecords.From(Patient, Complete(5), moved, At.AddSeconds(1), Hour);

        var due = PatientScoreRecords.IsDue(candidate, last, At.AddSeconds(1));

        Assert.True(due);
    }

    private static News2Result Complete(int aggregate)
    {
        var subscores = new Dictionary<News2Parameter, int> { [News2Parameter.Pulse] = aggregate };
        return new News2Result(
            subscores, [], aggregate, false, News2Calculator.LevelOf(aggregate, false), News2MonitoringFrequency.Hourly, SpO2Scale.Scale1, false);
    }
}

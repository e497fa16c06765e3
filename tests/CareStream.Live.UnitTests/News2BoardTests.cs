using CareStream.Live.Relay;
using CareStream.Messaging.Scores;
using Microsoft.Extensions.Options;

namespace CareStream.Live.UnitTests;

public sealed class News2BoardTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenScoresOfTwoWards_WhenAClientJoinsOne_ThenTheSnapshotCarriesOnlyThatWardsScores()
    {
        var state = new LiveWardState(Options.Create(new LiveOptions()));
        state.News2.Apply(Score("patient-1", "ward-1", "bed-1", 7, At));
        state.News2.Apply(Score("patient-2", "ward-1", "bed-2", null, At));
        state.News2.Apply(Score("patient-9", "ward-2", "bed-9", 3, At));

        var snapshot = state.Snapshot("ward-1", At);

        Assert.Equal(["bed-1:7", "bed-2:incomplete"], snapshot.News2.Select(s => $"{s.Bed}:{s.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "incomplete"}").Order());
    }

    [Fact]
    public void GivenARedeliveredOlderRecord_WhenApplied_ThenTheNewerScoreStaysAndNothingIsPushed()
    {
        var board = new News2Board();
        board.Apply(Score("patient-1", "ward-1", "bed-1", 7, At.AddMinutes(1)));

        var change = board.Apply(Score("patient-1", "ward-1", "bed-1", 2, At));

        Assert.Null(change);
        Assert.Equal(7, Assert.Single(board.Of("ward-1")).Score);
    }

    [Fact]
    public void GivenAPatientTransferred_WhenTheScoreArrivesForTheNewBed_ThenTheOldBedNoLongerShowsIt()
    {
        var board = new News2Board();
        board.Apply(Score("patient-1", "ward-1", "bed-1", 5, At));

        var change = board.Apply(Score("patient-1", "ward-2", "bed-4", 5, At.AddSeconds(1)));

        Assert.Equal("ward-2", change?.Ward);
        Assert.Empty(board.Of("ward-1"));
        Assert.Equal("bed-4", Assert.Single(board.Of("ward-2")).Bed);
    }

    [Fact]
    public void GivenADischargedPatient_WhenTheirScoreHasNoBed_ThenItLeavesTheBoard()
    {
        var board = new News2Board();
        board.Apply(Score("patient-1", "ward-1", "bed-1", 5, At));

        var change = board.Apply(Score("patient-1", null, null, 5, At.AddSeconds(1)));

        Assert.Null(change);
        Assert.Empty(board.Of("ward-1"));
    }

    private static PatientScore Score(string patient, string? ward, string? bed, int? score, DateTimeOffset at) =>
        new(patient, ward, bed, score, score is null ? null : "high", 1, score is null ? ["consciousness"] : [], at, at.AddHours(1));
}

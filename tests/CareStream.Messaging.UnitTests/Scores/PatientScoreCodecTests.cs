using System.Text;
using CareStream.Messaging.Scores;

namespace CareStream.Messaging.UnitTests.Scores;

public sealed class PatientScoreCodecTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void GivenACompleteScore_WhenEncodedAndDecoded_ThenItRoundTripsWithSchemaVersion1()
    {
        var score = new PatientScore("patient-1", "ward-1", "ward-1-bed-02", 7, "high", 1, [], At, At.AddHours(1));

        var bytes = PatientScoreCodec.Encode(score);
        var decoded = PatientScoreCodec.Decode(bytes);

        Assert.Contains("\"schemaVersion\":1", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("patient-1", PatientScoreCodec.KeyOf(score));
        Assert.True(decoded.SameOutcomeAs(score));
        Assert.Equal((At, At.AddHours(1)), (decoded.ComputedAt, decoded.ValidUntil));
    }

    [Fact]
    public void GivenAnIncompleteScore_WhenEncoded_ThenScoreAndLevelAreNullAndMissingIsListed()
    {
        var score = new PatientScore("patient-1", "ward-1", "ward-1-bed-02", null, null, 2, ["airOrOxygen", "consciousness"], At, At.AddHours(1));

        var json = Encoding.UTF8.GetString(PatientScoreCodec.Encode(score));
        var decoded = PatientScoreCodec.Decode(Encoding.UTF8.GetBytes(json));

        Assert.Contains("\"score\":null", json, StringComparison.Ordinal);
        Assert.Contains("\"missing\":[\"airOrOxygen\",\"consciousness\"]", json, StringComparison.Ordinal);
        Assert.False(decoded.IsComplete);
        Assert.Null(decoded.Score);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"schemaVersion":2,"patient":"p","score":1,"responseLevel":"low","scale":1,"missing":[],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    [InlineData("""{"schemaVersion":1,"patient":"p","score":0,"responseLevel":"low","scale":1,"missing":["consciousness"],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    [InlineData("""{"schemaVersion":1,"patient":"p","score":3,"responseLevel":"urgent","scale":1,"missing":[],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    [InlineData("""{"schemaVersion":1,"patient":"p","score":21,"responseLevel":"high","scale":1,"missing":[],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    [InlineData("""{"schemaVersion":1,"patient":"p","score":3,"responseLevel":"low","scale":3,"missing":[],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    [InlineData("""{"schemaVersion":1,"score":3,"responseLevel":"low","scale":1,"missing":[],"computedAt":"2026-11-25T10:00:00Z","validUntil":"2026-11-25T11:00:00Z"}""")]
    public void GivenAnInvalidRecord_WhenDecoded_ThenFormatException(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Throws<FormatException>(() => PatientScoreCodec.Decode(bytes));
    }
}

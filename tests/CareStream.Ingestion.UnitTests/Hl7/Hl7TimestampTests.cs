using CareStream.Ingestion.Hl7;

namespace CareStream.Ingestion.UnitTests.Hl7;

public sealed class Hl7TimestampTests
{
    [Theory]
    [InlineData("20240315101455+0000", "2024-03-15T10:14:55+00:00")]
    [InlineData("202403151014+0100", "2024-03-15T10:14:00+01:00")]
    [InlineData("20240315101455.1234-0500", "2024-03-15T10:14:55.1234-05:00")]
    [InlineData("20240315101455.5+0530", "2024-03-15T10:14:55.5+05:30")]
    [InlineData("20241231235959+1400", "2024-12-31T23:59:59+14:00")]
    public void GivenTimestampWithOffset_WhenParsed_ThenInstantIsExact(string text, string expected)
    {
        var ok = Hl7Timestamp.TryParse(text, out var value, out _);

        Assert.True(ok);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("20240315101455")]
    [InlineData("20240315")]
    [InlineData("2024031510+0000")]
    [InlineData("20240315101455+000")]
    [InlineData("20240315101455+1459")]
    [InlineData("20240315101455+0060")]
    [InlineData("20241315101455+0000")]
    [InlineData("20240230101455+0000")]
    [InlineData("00010101000000+1400")]
    [InlineData("20240315101455.12345+0000")]
    [InlineData("202403151014.5+0000")]
    [InlineData("2024031510145a+0000")]
    [InlineData("+0000")]
    public void GivenAmbiguousOrMalformedTimestamp_WhenParsed_ThenRejectedWithReason(string text)
    {
        var ok = Hl7Timestamp.TryParse(text, out _, out var reason);

        Assert.False(ok);
        Assert.NotEmpty(reason);
    }

    [Fact]
    public void GivenInstant_WhenFormatted_ThenParsesBackIdentically()
    {
        var instant = new DateTimeOffset(2024, 3, 15, 5, 14, 55, TimeSpan.FromHours(-5));

        var text = Hl7Timestamp.Format(instant);

        Assert.Equal("20240315051455-0500", text);
        Assert.True(Hl7Timestamp.TryParse(text, out var back, out _));
        Assert.Equal(instant, back);
    }
}

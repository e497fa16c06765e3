using System.Text;
using CareStream.Ingestion.Hl7;

namespace CareStream.Ingestion.UnitTests.Hl7;

public sealed class Er7ParserTests
{
    private const string Msh = "MSH|^~\\&|GW|FAC|CS|FAC|20240101000000+0000||ORU^R01^ORU_R01|CTRL1|P|2.6";

    [Fact]
    public void GivenStandardMessage_WhenParsed_ThenMshFieldsFollowHl7Numbering()
    {
        var message = Er7Parser.Parse(Msh + "\rPID|||ID1").Message!;

        Assert.Equal("|", message.Get("MSH", 1));
        Assert.Equal("^~\\&", message.Get("MSH", 2));
        Assert.Equal("GW", message.Get("MSH", 3));
        Assert.Equal("ORU", message.MessageCode);
        Assert.Equal("R01", message.TriggerEvent);
        Assert.Equal("ORU_R01", message.Get("MSH", 9, 3));
        Assert.Equal("CTRL1", message.ControlId);
        Assert.Equal("2.6", message.Version);
        Assert.Equal("ID1", message.Get("PID", 3));
        Assert.Equal(Hl7Delimiters.Default, message.Delimiters);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r\r\n\n")]
    public void GivenAnySegmentTerminator_WhenParsed_ThenSegmentsAreTheSame(string terminator)
    {
        var text = string.Join(terminator, Msh, "PID|||ID1", "OBX|1|NM|x") + terminator;

        var message = Er7Parser.Parse(text).Message!;

        Assert.Equal(["MSH", "PID", "OBX"], message.Segments.Select(s => s.Id));
        Assert.Equal("x", message.Get("OBX", 3));
    }

    [Theory]
    [InlineData("a\\F\\b", "a|b")]
    [InlineData("a\\S\\b", "a^b")]
    [InlineData("a\\T\\b", "a&b")]
    [InlineData("a\\R\\b", "a~b")]
    [InlineData("a\\E\\b", "a\\b")]
    [InlineData("\\X41\\", "A")]
    [InlineData("x\\X0D0A\\y", "x\r\ny")]
    [InlineData("\\H\\bold\\N\\", "\\H\\bold\\N\\")]
    [InlineData("line\\.br\\next", "line\\.br\\next")]
    [InlineData("\\XZZ\\", "\\XZZ\\")]
    [InlineData("\\X4\\", "\\X4\\")]
    [InlineData("open\\F", "open\\F")]
    [InlineData("\\", "\\")]
    public void GivenEscapeSequence_WhenParsed_ThenKnownOnesAreDecodedAndUnknownKeptLiterally(string raw, string expected)
    {
        var message = Er7Parser.Parse($"{Msh}\rNTE|1||{raw}").Message!;

        Assert.Equal(expected, message.Get("NTE", 3));
    }

    [Fact]
    public void GivenRepetitionsComponentsAndSubcomponents_WhenParsed_ThenEachIsAddressable()
    {
        var message = Er7Parser.Parse($"{Msh}\rPID|||A1^^^AUTH&1.2.3&ISO^MR~B2^^^OTHER^PI||Doe^Jane").Message!;
        var pid3 = message.Segment("PID")![3];

        Assert.Equal(2, pid3.RepetitionCount);
        Assert.Equal("A1", pid3.Get(1));
        Assert.Equal("AUTH", pid3.Get(4));
        Assert.Equal("1.2.3", pid3.Get(4, subcomponent: 2));
        Assert.Equal("ISO", pid3.Get(4, subcomponent: 3));
        Assert.Equal("MR", pid3.Get(5));
        Assert.Equal("B2", pid3.Get(1, repetition: 2));
        Assert.Equal("PI", pid3.Get(5, repetition: 2));
        Assert.Equal(string.Empty, pid3.Get(1, repetition: 3));
        Assert.Equal("Jane", message.Get("PID", 5, 2));
        Assert.Equal(string.Empty, message.Get("PID", 40));
        Assert.Equal(string.Empty, message.Get("ZZZ", 1));
    }

    [Theory]
    [InlineData("MSH#$*@!#GW$X#F", '#', '$', '*', '@', '!')]
    [InlineData("MSH|^~\\&#|GW^X|F", '|', '^', '~', '\\', '&')]
    [InlineData("MSH;:,/%;GW:X;F", ';', ':', ',', '/', '%')]
    public void GivenCustomDelimiters_WhenParsed_ThenTheyAreHonoured(string msh, char field, char component, char repetition, char escape, char sub)
    {
        var text = msh + $"\rOBX{field}1{field}NM{field}a{component}b{repetition}c{sub}d{field}x{escape}F{escape}y";

        var message = Er7Parser.Parse(text).Message!;

        Assert.Equal(new Hl7Delimiters(field, component, repetition, escape, sub), message.Delimiters);
        Assert.Equal("X", message.Get("MSH", 3, 2));
        Assert.Equal("b", message.Get("OBX", 3, 2));
        Assert.Equal("d", message.Get("OBX", 3, 1, repetition: 2, subcomponent: 2));
        Assert.Equal($"x{field}y", message.Get("OBX", 4));
    }

    [Theory]
    [InlineData("", Er7ErrorCode.Empty)]
    [InlineData("\r\n\r", Er7ErrorCode.Empty)]
    [InlineData("PID|||1", Er7ErrorCode.MissingMsh)]
    [InlineData("MSX|^~\\&|", Er7ErrorCode.MissingMsh)]
    [InlineData("MSH|^~\\", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH|^^\\&|GW", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH|^~\\||GW", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH|A~\\&|GW", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH| ~\\&|GW", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH|^~\\&-=|GW", Er7ErrorCode.BadDelimiters)]
    [InlineData("MSH|^~\\&|GW\rpid|1", Er7ErrorCode.BadSegmentId)]
    [InlineData("MSH|^~\\&|GW\rPIDX|1", Er7ErrorCode.BadSegmentId)]
    [InlineData("MSH|^~\\&|GW\rP", Er7ErrorCode.BadSegmentId)]
    public void GivenMalformedMessage_WhenParsed_ThenTypedErrorAndNoMessage(string text, Er7ErrorCode expected)
    {
        var result = Er7Parser.Parse(text);

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error!.Code);
        Assert.NotEmpty(result.Error.Reason);
    }

    [Theory]
    [InlineData(Er7ErrorCode.TooManySegments)]
    [InlineData(Er7ErrorCode.TooManyFields)]
    [InlineData(Er7ErrorCode.TooManyRepetitions)]
    [InlineData(Er7ErrorCode.TooLarge)]
    public void GivenMessageBeyondALimit_WhenParsed_ThenTheLimitIsReported(Er7ErrorCode expected)
    {
        var limits = new Er7Limits(MaxMessageBytes: 1000, MaxSegments: 3, MaxFieldsPerSegment: 12, MaxRepetitionsPerField: 4);
        var text = expected switch
        {
            Er7ErrorCode.TooManySegments => string.Join('\r', Msh, "NTE|1", "NTE|2", "NTE|3"),
            Er7ErrorCode.TooManyFields => $"{Msh}\rNTE{new string('|', 13)}",
            Er7ErrorCode.TooManyRepetitions => $"{Msh}\rNTE|a~b~c~d~e",
            _ => $"{Msh}\rNTE|{new string('x', 1000)}",
        };

        var fromText = Er7Parser.Parse(text, limits);
        var fromBytes = Er7Parser.Parse(Encoding.Latin1.GetBytes(text), limits);

        Assert.Equal(expected, fromText.Error?.Code);
        Assert.Equal(expected, fromBytes.Error?.Code);
    }

    [Fact]
    public void GivenMessageWithinDefaultSizeLimit_WhenParsed_ThenOneMegabyteSegmentIsAccepted()
    {
        var text = $"{Msh}\rNTE|1||{new string('x', 1_000_000)}";

        var result = Er7Parser.Parse(text);

        Assert.True(result.Succeeded);
        Assert.Equal(1_000_000, result.Message!.Get("NTE", 3).Length);
    }

    [Fact]
    public void GivenDecodedValue_WhenEncodedForOtherDelimiters_ThenItRoundTrips()
    {
        var message = Er7Parser.Parse($"{Msh}\rNTE|1||a\\F\\b^c\\E\\d&e").Message!;
        var custom = new Hl7Delimiters('#', '$', '*', '@', '!');

        var encoded = message.Segment("NTE")![3].Encode(custom);

        Assert.Equal("a|b$c\\d!e", encoded);
        var reparsed = Er7Parser.Parse($"MSH#$*@!\rNTE#1##{encoded}").Message!;
        Assert.Equal("a|b", reparsed.Get("NTE", 3, 1));
        Assert.Equal("e", reparsed.Get("NTE", 3, 2, subcomponent: 2));
    }
}

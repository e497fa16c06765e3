using System.Text;
using CareStream.Alerting.Commands;
using CareStream.Domain;
using CareStream.Domain.Alerts;
using CareStream.Rules.News2;

namespace CareStream.Alerting.UnitTests.Commands;

public class PatientCommandCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly PatientId Patient = new("patient-cmd-1");

    public static TheoryData<string> Types => [.. new[] { "acknowledge", "audio-pause", "annotate", "charting" }];

    [Theory]
    [MemberData(nameof(Types))]
    public void GivenCommandOfEachType_WhenEncodedAndDecoded_ThenRoundTripsUnchanged(string type)
    {
        var original = Create(type);

        var decoded = PatientCommandCodec.Decode(PatientCommandCodec.Encode(original));

        Assert.Equal(original, decoded);
        Assert.Equal(PatientCommand.IdOf(original), decoded.CommandId);
        Assert.Matches("^[0-9a-f]{32}$", decoded.CommandId);
    }

    [Fact]
    public void GivenTheSameCommandTwice_WhenCreated_ThenSameIdAndAnotherTimeGivesAnotherId()
    {
        var first = Create("acknowledge");

        var again = Create("acknowledge");
        var later = PatientCommand.Create("acknowledge", Patient, "nurse-7", T0.AddSeconds(1), "ep-1");

        Assert.Equal(first.CommandId, again.CommandId);
        Assert.NotEqual(first.CommandId, later.CommandId);
    }

    [Fact]
    public void GivenChartingCommand_WhenEncoded_ThenTheWireUsesAcvpuLettersAndScaleNumbers()
    {
        var json = Encoding.UTF8.GetString(PatientCommandCodec.Encode(Create("charting")));

        Assert.Contains("\"type\":\"charting\"", json, StringComparison.Ordinal);
        Assert.Contains("\"consciousness\":\"C\"", json, StringComparison.Ordinal);
        Assert.Contains("\"spo2Scale\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"onOxygen\":true", json, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"schemaVersion":2}""", "schemaVersion 2")]
    [InlineData("""{"schemaVersion":1,"type":"reboot"}""", "'type'")]
    [InlineData("""{"schemaVersion":1,"commandId":"c","type":"acknowledge","patient":"p","by":"n","issuedAt":"2026-03-01T10:00:00Z"}""", "'episodeId'")]
    [InlineData("""{"schemaVersion":1,"commandId":"c","type":"charting","patient":"p","by":"n","issuedAt":"2026-03-01T10:00:00Z","consciousness":"X"}""", "'consciousness'")]
    public void GivenInvalidRecord_WhenDecoded_ThenFormatExceptionNamesTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => PatientCommandCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenChartedState_WhenAnUpdateChartsOnlyOxygen_ThenTheOtherInputsKeepTheirValues()
    {
        var current = new ChartingInputs(false, Consciousness.Voice, SpO2Scale.Scale2);

        var updated = new ChartingUpdate(true, null, null).ApplyTo(current);

        Assert.Equal(new ChartingInputs(true, Consciousness.Voice, SpO2Scale.Scale2), updated);
    }

    private static PatientCommand Create(string type) => type switch
    {
        "acknowledge" => PatientCommand.Create(type, Patient, "nurse-7", T0, "ep-1"),
        "audio-pause" => PatientCommand.Create(type, Patient, "nurse-7", T0, "ep-1", audioPause: TimeSpan.FromMinutes(2)),
        "annotate" => PatientCommand.Create(type, Patient, "nurse-7", T0, "ep-1", assessment: AlarmAssessment.FalsePositive, note: "probe off"),
        _ => PatientCommand.Create(type, Patient, "nurse-7", T0, charting: new ChartingUpdate(true, Consciousness.NewConfusion, SpO2Scale.Scale2)),
    };
}

using System.Text;
using System.Text.Json;
using CareStream.Messaging.Alerts;
using CareStream.Domain;
using CareStream.Domain.Alerts;

namespace CareStream.Messaging.UnitTests.Alerts;

public sealed class AlarmEventCodecTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly AlarmEpisode Episode = new(
        "ep-1", "limit.oxygenSaturation", 3, new PatientId("patient-0001"), AlarmCategory.Physiological, AlarmPriority.High,
        "OxygenSaturationLow", Latching: false, AlarmStatus.Raised, T0, T0.AddSeconds(10), ConditionActive: true,
        EscalationLevel: 0, T0.AddSeconds(10), null, null, null, null);

    public static TheoryData<string> EventTypes => ["raised", "escalated", "acknowledged", "resolved", "audioPaused", "priorityIncreased", "annotated"];

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void GivenEventOfEachType_WhenEncodedAndDecoded_ThenRoundTripsUnchanged(string type)
    {
        var original = Create(type);

        var decoded = AlarmEventCodec.Decode(AlarmEventCodec.Encode(original, new WardId("ward-3"), new BedId("bed-12")));

        Assert.Equal(type, AlarmEventCodec.TypeOf(decoded.Event));
        Assert.Equal(original.GetType(), decoded.Event.GetType());
        Assert.Equal(original.EventId, decoded.Event.EventId);
        Assert.Equal(original.OccurredAt, decoded.Event.OccurredAt);
        Assert.Equal(original.Episode, decoded.Event.Episode);
        Assert.Equal(new WardId("ward-3"), decoded.Ward);
        Assert.Equal(new BedId("bed-12"), decoded.Bed);
        if (original is AlarmRaised raised)
        {
            var back = Assert.IsType<AlarmRaised>(decoded.Event);
            Assert.Equal(raised.Detail, back.Detail);
            Assert.Equal(raised.EvidenceObservationIds, back.EvidenceObservationIds);
        }
        else
        {
            Assert.Equal(original, decoded.Event);
        }
    }

    [Fact]
    public void GivenRaisedHighAlarm_WhenEncoded_ThenJsonCarriesDocumentedFieldsAndFlagPriorityCode()
    {
        var raised = Create("raised");

        using var json = JsonDocument.Parse(AlarmEventCodec.Encode(raised, new WardId("ward-3"), bed: null));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("raised", root.GetProperty("type").GetString());
        Assert.Equal("high", root.GetProperty("priority").GetString());
        Assert.Equal("PH", root.GetProperty("priorityCode").GetString());
        Assert.Equal("physiological", root.GetProperty("category").GetString());
        Assert.Equal("patient-0001", root.GetProperty("patient").GetString());
        Assert.Equal("ward-3", root.GetProperty("ward").GetString());
        Assert.False(root.TryGetProperty("bed", out _));
        Assert.Equal("obs-1", root.GetProperty("evidenceObservationIds")[0].GetString());
        Assert.Equal("2026-03-01T10:00:10+00:00", root.GetProperty("occurredAt").GetString());
        Assert.Equal("patient-0001", AlarmEventCodec.KeyOf(raised));
    }

    [Theory]
    [InlineData(AlarmPriority.High, "PH")]
    [InlineData(AlarmPriority.Medium, "PM")]
    [InlineData(AlarmPriority.Low, "PL")]
    public void GivenPriority_WhenMappedToFlagPriority_ThenIheCodeIsUsed(AlarmPriority priority, string code)
    {
        var actual = FlagPriority.CodeOf(priority);

        Assert.Equal(code, actual);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("""{"schemaVersion":2}""", "schemaVersion 2")]
    [InlineData("""{"schemaVersion":1,"type":"raised"}""", "'episodeId'")]
    public void GivenBrokenRecord_WhenDecoded_ThenFormatExceptionNamesTheProblem(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AlarmEventCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenUnknownType_WhenDecoded_ThenFormatExceptionNamesTheType()
    {
        var json = Encoding.UTF8.GetString(AlarmEventCodec.Encode(Create("raised"))).Replace("\"raised\",\"occurredAt\"", "\"silenced\",\"occurredAt\"", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => AlarmEventCodec.Decode(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("'silenced'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AlarmAssessment.TruePositive, "true-positive")]
    [InlineData(AlarmAssessment.FalsePositive, "false-positive")]
    [InlineData(AlarmAssessment.NonActionable, "non-actionable")]
    public void GivenAnnotation_WhenEncoded_ThenAssessmentHasItsFixedWireName(AlarmAssessment assessment, string wire)
    {
        var annotated = new AlarmAnnotated("ev-note", Episode, T0, "staff-7", assessment, null);

        using var json = System.Text.Json.JsonDocument.Parse(AlarmEventCodec.Encode(annotated));

        Assert.Equal(wire, json.RootElement.GetProperty("assessment").GetString());
        Assert.Equal("annotated", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("staff-7", json.RootElement.GetProperty("by").GetString());
        Assert.False(json.RootElement.TryGetProperty("note", out _));
    }

    private static AlarmEvent Create(string type)
    {
        var at = T0.AddSeconds(10);
        return type switch
        {
            "raised" => new AlarmRaised("ev-raised", Episode, at, "OxygenSaturation 82 beyond low limit 85", ["obs-1", "obs-2"]),
            "escalated" => new AlarmEscalated("ev-esc", Episode with { Status = AlarmStatus.Escalated, EscalationLevel = 1 }, at.AddSeconds(60), "not acknowledged within 60 s"),
            "acknowledged" => new AlarmAcknowledged("ev-ack", Episode with { Status = AlarmStatus.Acknowledged, AcknowledgedAt = at.AddSeconds(5), AcknowledgedBy = "staff-7" }, at.AddSeconds(5), "staff-7"),
            "resolved" => new AlarmResolved("ev-res", Episode with { Status = AlarmStatus.Resolved, ConditionActive = false, ResolvedAt = at.AddSeconds(30) }, at.AddSeconds(30), "condition cleared"),
            "audioPaused" => new AlarmAudioPaused("ev-pause", Episode with { AudioPausedUntil = at.AddSeconds(120) }, at, "staff-7"),
            "priorityIncreased" => new AlarmPriorityIncreased("ev-prio", Episode with { Priority = AlarmPriority.High }, at, AlarmPriority.Medium),
            "annotated" => new AlarmAnnotated("ev-note", Episode, at, "staff-7", AlarmAssessment.NonActionable, "patient moving"),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }
}

using CareStream.Fhir.Ingress;

namespace CareStream.Ingestion.UnitTests.Hl7;

/// <summary>The PCD-01 corpus round-trips: ORU^R01 → device Observation JSON → the ingress parser reads back the same readings.</summary>
public sealed class Pcd01CorpusTests
{
    public static TheoryData<string> CaseNames => [.. Pcd01Corpus.Cases.Keys];

    [Fact]
    public void GivenTheCorpus_WhenCounted_ThenItHoldsAtLeastTenMessages()
    {
        var count = Pcd01Corpus.Cases.Count;

        Assert.True(count >= 10, $"{count} corpus messages");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task GivenCorpusMessage_WhenHandled_ThenAckCodeAndPublishedReadingsMatch(string name)
    {
        var testCase = Pcd01Corpus.Cases[name];
        var publisher = new RecordingPublisher();
        var handler = HandlerFactory.Create(publisher);
        var parser = new DeviceObservationParser(TimeProvider.System);

        var outcome = await handler.HandleAsync(System.Text.Encoding.ASCII.GetBytes(testCase.Message), TestContext.Current.CancellationToken);

        var (code, controlId, _) = HandlerFactory.ReadAck(outcome.Ack);
        Assert.Equal(testCase.Ack.ToString(), code);
        Assert.Equal(testCase.Ack, outcome.Code);
        Assert.StartsWith("C", controlId, StringComparison.Ordinal);
        Assert.All(publisher.Published, p => Assert.Equal(Pcd01Corpus.Device, p.Key));
        var readings = publisher.Published.SelectMany(p => parser.Parse(p.Value).Readings).ToList();
        Assert.Equal(testCase.Readings.Count, readings.Count);
        foreach (var (expected, actual) in testCase.Readings.Zip(readings))
        {
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Loinc, actual.LoincCode);
            Assert.Equal(expected.Mdc, actual.MdcCode);
            Assert.Equal(expected.Unit, actual.UnitAsSent);
            Assert.Equal(expected.Value, actual.Value, 6);
            Assert.Equal(Pcd01Corpus.Device, actual.Device.Value);
            Assert.Equal(expected.EffectiveAt, actual.EffectiveAt);
            Assert.Equal(expected.Status, actual.Status);
        }
    }

    [Theory]
    [InlineData("StatusXRejected", "OBX", "2", "11", "StatusNotAccepted")]
    [InlineData("MissingTimeZone", "OBX", "2", "14", "InvalidTime")]
    [InlineData("UnknownMdcCode", "OBX", "2", "3", "UnknownMdcCode")]
    [InlineData("UnknownUnit", "OBX", "2", "6", "UnknownMdcUnit")]
    [InlineData("IncompletePanel", "OBX", "2", "3", "IncompletePanel")]
    [InlineData("WrongMessageType", "MSH", "1", "9", "UnsupportedMessageType")]
    [InlineData("UnsupportedVersion", "MSH", "1", "12", "UnsupportedVersion")]
    public async Task GivenRejectedContent_WhenHandled_ThenErrLocatesIt(string name, string segment, string sequence, string field, string appCode)
    {
        var handler = HandlerFactory.Create(new RecordingPublisher());

        var outcome = await handler.HandleAsync(System.Text.Encoding.ASCII.GetBytes(Pcd01Corpus.Cases[name].Message), TestContext.Current.CancellationToken);

        var err = HandlerFactory.ReadAck(outcome.Ack).Ack.Segment("ERR");
        Assert.NotNull(err);
        Assert.Equal(segment, err.Get(2, 1));
        Assert.Equal(sequence, err.Get(2, 2));
        Assert.Equal(field, err.Get(2, 3));
        Assert.Equal("HL70357", err.Get(3, 3));
        Assert.Equal("E", err.Get(4));
        Assert.Equal(appCode, err.Get(5));
    }
}

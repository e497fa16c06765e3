using System.Text;
using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Ingestion.Hl7;
using CareStream.Messaging.Registry;
using Confluent.Kafka;

namespace CareStream.Ingestion.UnitTests.Hl7;

public sealed class Pcd01MessageHandlerTests
{
    private static readonly byte[] HeartRate = Encoding.ASCII.GetBytes(Pcd01Corpus.Cases["HeartRate"].Message);

    [Fact]
    public async Task GivenAcceptedMessage_WhenAcked_ThenHeaderIsSwappedWithNewControlIdAndMsaEchoesTheOriginal()
    {
        var handler = HandlerFactory.Create(new RecordingPublisher());

        var outcome = await handler.HandleAsync(HeartRate, TestContext.Current.CancellationToken);

        var (code, controlId, ack) = HandlerFactory.ReadAck(outcome.Ack);
        Assert.Equal("AA", code);
        Assert.Equal("C01", controlId);
        Assert.Equal("CareStream", ack.Get("MSH", 3));
        Assert.Equal("CareStreamFac", ack.Get("MSH", 4));
        Assert.Equal("AcmeGW", ack.Get("MSH", 5, 1));
        Assert.Equal("ACDE48234567ABCD", ack.Get("MSH", 5, 2));
        Assert.Equal("EUI-64", ack.Get("MSH", 5, 3));
        Assert.Equal("AcmeFac", ack.Get("MSH", 6));
        Assert.Equal(["ACK", "R01", "ACK"], [ack.Get("MSH", 9, 1), ack.Get("MSH", 9, 2), ack.Get("MSH", 9, 3)]);
        Assert.NotEqual("C01", ack.ControlId);
        Assert.NotEmpty(ack.ControlId);
        Assert.Equal("P", ack.Get("MSH", 11));
        Assert.Equal("2.6", ack.Version);
        Assert.True(Hl7Timestamp.TryParse(ack.Get("MSH", 7), out _, out _));
        Assert.Null(ack.Segment("ERR"));
    }

    [Fact]
    public async Task GivenKafkaFails_WhenHandled_ThenArWithTransientErrorAndNeverAa()
    {
        var publisher = new RecordingPublisher { FailWith = new ProduceException<string, byte[]>(new Error(ErrorCode.Local_MsgTimedOut), null!) };
        var handler = HandlerFactory.Create(publisher);

        var outcome = await handler.HandleAsync(HeartRate, TestContext.Current.CancellationToken);

        var (code, controlId, ack) = HandlerFactory.ReadAck(outcome.Ack);
        Assert.Equal("AR", code);
        Assert.Equal("C01", controlId);
        Assert.Equal("Transient", ack.Get("ERR", 5));
        Assert.Equal("207", ack.Get("ERR", 3));
    }

    [Fact]
    public async Task GivenKafkaNeverAcks_WhenPublishTimeoutPasses_ThenAr()
    {
        var handler = HandlerFactory.Create(new RecordingPublisher { Hang = true }, options: new MllpOptions { PublishTimeout = TimeSpan.FromMilliseconds(200) });

        var outcome = await handler.HandleAsync(HeartRate, TestContext.Current.CancellationToken);

        Assert.Equal(Hl7AckCode.AR, outcome.Code);
        Assert.Equal(0, outcome.Published);
    }

    [Theory]
    [InlineData(Pcd01Corpus.Patient, Hl7AckCode.AA, 1)]
    [InlineData("SYN-PAT-9999", Hl7AckCode.AE, 0)]
    public async Task GivenRegistryAssociation_WhenPidIsCrossChecked_ThenMismatchIsAeAndNothingPublished(string associated, Hl7AckCode expected, int published)
    {
        var registry = new RegistryDirectory();
        registry.Apply(new DeviceAssignment(new DeviceId(Pcd01Corpus.Device), new WardId("W1"), new BedId("B1"),
            new PatientId(associated), Pcd01Corpus.ObxTime.AddHours(-1)));
        var publisher = new RecordingPublisher();
        var handler = HandlerFactory.Create(publisher, registry);

        var outcome = await handler.HandleAsync(HeartRate, TestContext.Current.CancellationToken);

        Assert.Equal(expected, outcome.Code);
        Assert.Equal(published, publisher.Published.Count);
        if (expected == Hl7AckCode.AE)
        {
            Assert.Equal("PatientMismatch", HandlerFactory.ReadAck(outcome.Ack).Ack.Get("ERR", 5));
        }
    }

    [Fact]
    public async Task GivenAssociationStartsAfterTheReading_WhenCrossChecked_ThenPublishedForTheNormalizerToResolve()
    {
        var registry = new RegistryDirectory();
        registry.Apply(new DeviceAssignment(new DeviceId(Pcd01Corpus.Device), new WardId("W1"), new BedId("B1"),
            new PatientId("SYN-PAT-9999"), Pcd01Corpus.ObxTime.AddMinutes(1)));
        var publisher = new RecordingPublisher();

        var outcome = await HandlerFactory.Create(publisher, registry).HandleAsync(HeartRate, TestContext.Current.CancellationToken);

        Assert.Equal(Hl7AckCode.AA, outcome.Code);
        Assert.Single(publisher.Published);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("PID|||x", "")]
    [InlineData("MSH|^~\\&|GW|F|CS|F|20240101000000+0000||ORU^R01|K77|P|2.6\rPID|\robx|bad", "K77")]
    [InlineData("MSH|^~\\&|GW|F|CS|F|20240101000000+0000||ORU^R01|K78|P|2.6\r\u0001\u0002", "K78")]
    public async Task GivenUnparseableMessage_WhenHandled_ThenArEchoesTheControlIdWhenMshIsReadable(string message, string expectedControlId)
    {
        var publisher = new RecordingPublisher();

        var outcome = await HandlerFactory.Create(publisher).HandleAsync(Encoding.Latin1.GetBytes(message), TestContext.Current.CancellationToken);

        var (code, controlId, _) = HandlerFactory.ReadAck(outcome.Ack);
        Assert.Equal("AR", code);
        Assert.Equal(expectedControlId, controlId);
        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task GivenCustomDelimitersInTheOriginal_WhenAcked_ThenTheAckUsesDefaultsAndReEscapesEchoedFields()
    {
        var message = "MSH#$*@!#GW$A|B#F#CS#F#20240101000000+0000##ORU$R01#K1#P#2.6\r";

        var outcome = await HandlerFactory.Create(new RecordingPublisher()).HandleAsync(Encoding.ASCII.GetBytes(message), TestContext.Current.CancellationToken);

        var (code, controlId, ack) = HandlerFactory.ReadAck(outcome.Ack);
        Assert.Equal("AA", code);
        Assert.Equal("K1", controlId);
        Assert.Equal('|', ack.Delimiters.Field);
        Assert.Equal("GW", ack.Get("MSH", 5, 1));
        Assert.Equal("A|B", ack.Get("MSH", 5, 2));
    }
}

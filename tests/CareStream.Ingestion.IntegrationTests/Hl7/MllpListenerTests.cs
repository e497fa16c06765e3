using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Ingress;
using CareStream.Ingestion.Hl7;
using CareStream.Messaging;
using CareStream.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Ingestion.IntegrationTests.Hl7;

/// <summary>A real TCP client against the listener on a free port, publishing to the Kafka fixture.</summary>
[Collection(KafkaCollection.Name)]
public sealed class MllpListenerTests(KafkaFixture kafka)
{
    private const string Device = "0123456789ABCDEF";

    private static string Message(string controlId, params string[] obx) => string.Join('\r',
    [
        $"MSH|^~\\&|AcmeGW^ACDE48234567ABCD^EUI-64|AcmeFac|CareStream|CareStreamFac|20240315101500+0000||ORU^R01^ORU_R01|{controlId}|P|2.6|||NE|AL||||||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO",
        "PID|||SYN-PAT-0001^^^CareStream^PI",
        "OBR|1|GW1^AcmeGW|GW1^AcmeGW|182777000^monitoring of patient^SNOMED-CT|||20240315101500+0000",
        $"OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||{Device}^^{Device}^EUI-64",
        .. obx,
    ]) + "\r";

    private static readonly string HeartRate = Message("IT1",
        "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455+0000");

    private static readonly string BloodPressure = Message("IT2",
        "OBX|2||150020^MDC_PRESS_BLD_NONINV^MDC|1.5.1.1|||||||X",
        "OBX|3|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.5.1.1.1|118|266016^MDC_DIM_MMHG^MDC|||||F",
        "OBX|4|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.5.1.1.2|76|266016^MDC_DIM_MMHG^MDC|||||F");

    [Fact]
    public async Task GivenFramedPcd01Messages_WhenSentOverTcp_ThenAaAfterTheDeviceObservationsAreOnTheIngressTopic()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-device-observations");
        using var host = await StartAsync(topic);
        var port = host.Services.GetRequiredService<MllpListener>().LocalEndpoint!.Port;

        var acks = await ExchangeAsync(port, [Encoding.ASCII.GetBytes(HeartRate), Encoding.ASCII.GetBytes(BloodPressure)]);

        Assert.Equal([("AA", "IT1"), ("AA", "IT2")], acks);
        var messages = kafka.ReadAll(topic, 2, TimeSpan.FromSeconds(30));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Equal(Device, m.Message.Key));
        Assert.All(messages, m => Assert.Equal(KafkaHeaders.FhirJson, m.Message.Headers.GetString(KafkaHeaders.ContentType)));
        var parser = new DeviceObservationParser(TimeProvider.System);
        var readings = messages.SelectMany(m => parser.Parse(m.Message.Value).Readings).OrderBy(r => r.Kind).ToList();
        Assert.Equal([VitalSignKind.HeartRate, VitalSignKind.SystolicBloodPressure, VitalSignKind.DiastolicBloodPressure], readings.Select(r => r.Kind));
        Assert.Equal([72d, 118d, 76d], readings.Select(r => r.Value));
    }

    [Fact]
    public async Task GivenGarbageFrame_WhenSent_ThenArAndTheListenerKeepsAcceptingTheNextConnection()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-device-observations");
        using var host = await StartAsync(topic);
        var port = host.Services.GetRequiredService<MllpListener>().LocalEndpoint!.Port;

        var garbage = await ExchangeAsync(port, ["\u0000\u00ffnot hl7 at all|^~"u8.ToArray()]);
        using (var rude = new TcpClient())
        {
            await rude.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
            await rude.GetStream().WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var next = await ExchangeAsync(port, [Encoding.ASCII.GetBytes(HeartRate)]);

        Assert.Equal([("AR", string.Empty)], garbage);
        Assert.Equal([("AA", "IT1")], next);
        Assert.Single(kafka.ReadAll(topic, 1, TimeSpan.FromSeconds(30)));
    }

    private async Task<IHost> StartAsync(string topic)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:ReplicationFactor"] = kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
            ["Kafka:ProvisionTopics"] = "false",
            ["Kafka:Topics:DeviceObservations"] = topic,
            ["Ingestion:Mllp:Port"] = "0",
        });
        builder.Services.AddSingleton(kafka.Cluster); // before AddMessaging: it only TryAdds the cluster
        builder.AddMllpListener();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task<List<(string Code, string ControlId)>> ExchangeAsync(int port, IEnumerable<byte[]> messages)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        var framer = new MllpFramer(PipeReader.Create(stream), 64 * 1024);
        var acks = new List<(string, string)>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        foreach (var message in messages)
        {
            await stream.WriteAsync(MllpFramer.Frame(message), timeout.Token);
            var frame = await framer.ReadFrameAsync(timeout.Token);
            Assert.Equal(MllpFrameKind.Message, frame.Kind);
            var ack = Er7Parser.Parse(frame.Payload.Span).Message!;
            acks.Add((ack.Get("MSA", 1), ack.Get("MSA", 2)));
        }

        return acks;
    }
}

using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CareStream.Ingestion.Hl7;
using CareStream.Testing.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CareStream.Ingestion.IntegrationTests.Hl7;

/// <summary>
/// MLLP has no credentials: only gateways in <c>Ingestion:Mllp:AllowedClients</c> are served. Linux routes all of
/// 127.0.0.0/8 to loopback, so a client bound to 127.0.0.2 plays a gateway outside a 127.0.0.1/32 allow-list.
/// </summary>
[Collection(KafkaCollection.Name)]
public sealed class MllpAllowListTests(KafkaFixture kafka)
{
    private static readonly string HeartRate = string.Join('\r',
    [
        "MSH|^~\\&|AcmeGW^ACDE48234567ABCD^EUI-64|AcmeFac|CareStream|CareStreamFac|20240315101500+0000||ORU^R01^ORU_R01|AL1|P|2.6|||NE|AL||||||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO",
        "PID|||SYN-PAT-0001^^^CareStream^PI",
        "OBR|1|GW1^AcmeGW|GW1^AcmeGW|182777000^monitoring of patient^SNOMED-CT|||20240315101500+0000",
        "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||0123456789ABCDEF^^0123456789ABCDEF^EUI-64",
        "OBX|2|NM|147842^MDC_ECG_HEART_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC|||||R|||20240315101455+0000",
    ]) + "\r";

    [Fact]
    public async Task GivenAnAllowList_WhenAnAllowedAndAForeignGatewaySendAMessage_ThenOnlyTheAllowedOneIsAnsweredAndTheOtherIsClosedUnread()
    {
        var topic = await kafka.CreateUniqueTopicAsync("it-mllp-allow");
        using var host = await StartAsync(topic, "127.0.0.1/32");
        var port = host.Services.GetRequiredService<MllpListener>().LocalEndpoint!.Port;

        var foreign = await SendAsync(IPAddress.Parse("127.0.0.2"), port);
        var allowed = await SendAsync(IPAddress.Loopback, port);

        Assert.Null(foreign);
        Assert.Equal("AA", allowed);
        Assert.Single(kafka.ReadAll(topic, 1, TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("10.20.0.0/16", "10.20.5.9", true)]
    [InlineData("10.20.0.0/16", "10.21.0.1", false)]
    [InlineData("10.20.0.0/16", "::ffff:10.20.0.7", true)]
    [InlineData("fd00::/8", "fd12::1", true)]
    [InlineData("", "127.0.0.5", true)]
    [InlineData("", "::1", true)]
    [InlineData("", "192.168.1.10", false)]
    public void GivenAllowedClients_WhenAPeerConnects_ThenItIsAdmittedOnlyInsideTheRanges(string allowed, string peer, bool admitted)
    {
        var list = new MllpClientAllowList(allowed.Length == 0 ? [] : [allowed]);

        var result = list.Allows(IPAddress.Parse(peer));

        Assert.Equal(admitted, result);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("10.20.0.0/40")]
    [InlineData("10.20.0.1/16")]
    [InlineData("*")]
    public void GivenAMalformedAllowListEntry_WhenOptionsAreValidated_ThenValidationNamesTheEntry(string entry)
    {
        var options = new MllpOptions();
        options.AllowedClients.Add(entry);

        var errors = options.Validate(new ValidationContext(options)).ToList();

        Assert.Contains(errors, e => e.ErrorMessage!.Contains(entry, StringComparison.Ordinal));
    }

    private async Task<IHost> StartAsync(string topic, string allowedClient)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:ReplicationFactor"] = kafka.ReplicationFactor.ToString(CultureInfo.InvariantCulture),
            ["Kafka:MinInSyncReplicas"] = "1",
            ["Kafka:ProvisionTopics"] = "false",
            ["Kafka:Topics:DeviceObservations"] = topic,
            ["Ingestion:Mllp:Port"] = "0",
            ["Ingestion:Mllp:BindAddress"] = "0.0.0.0",
            ["Ingestion:Mllp:AllowedClients:0"] = allowedClient,
        });
        builder.Services.AddSingleton(kafka.Cluster);
        builder.AddMllpListener();
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>The ACK code (MSA-1), or null when the listener closed the connection without answering.</summary>
    private static async Task<string?> SendAsync(IPAddress source, int port)
    {
        using var client = new TcpClient(new IPEndPoint(source, 0));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(MllpFramer.Frame(Encoding.ASCII.GetBytes(HeartRate)), timeout.Token);
            var frame = await new MllpFramer(PipeReader.Create(stream), 64 * 1024).ReadFrameAsync(timeout.Token);
            return frame.Kind == MllpFrameKind.Message ? Er7Parser.Parse(frame.Payload.Span).Message!.Get("MSA", 1) : null;
        }
        catch (IOException)
        {
            return null; // reset by the listener
        }
    }
}

using CareStream.Ingestion.Hl7;
using CareStream.Messaging.Registry;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.UnitTests.Hl7;

internal static class HandlerFactory
{
    public static Pcd01MessageHandler Create(RecordingPublisher publisher, RegistryDirectory? registry = null, MllpOptions? options = null) =>
        new(publisher, registry ?? new RegistryDirectory(), TimeProvider.System, Options.Create(options ?? new MllpOptions()),
            NullLogger<Pcd01MessageHandler>.Instance);

    /// <summary>Parses an ACK and returns (MSA-1, MSA-2, the ACK message).</summary>
    public static (string Code, string ControlId, Hl7Message Ack) ReadAck(byte[] ack)
    {
        var parsed = Er7Parser.Parse(ack);
        Assert.True(parsed.Succeeded, parsed.Error?.Reason);
        return (parsed.Message!.Get("MSA", 1), parsed.Message.Get("MSA", 2), parsed.Message);
    }
}

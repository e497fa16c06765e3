using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CareStream.Messaging;

/// <summary>The <c>CareStream.Messaging</c> ActivitySource and Meter; register both names with OpenTelemetry.</summary>
public static class MessagingTelemetry
{
    /// <summary>ActivitySource and Meter name.</summary>
    public const string Name = "CareStream.Messaging";

    /// <summary>Spans: <c>process</c> around consumer handlers, linked or parented to the message's traceparent.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Consumed =
        Meter.CreateCounter<long>("carestream.messaging.consumed", "{message}", "Messages handled by a consumer (effect done, offset stored).");

    internal static readonly Counter<long> DeadLettered =
        Meter.CreateCounter<long>("carestream.messaging.dead_lettered", "{message}", "Messages routed to a dead-letter topic.");

    internal static readonly Counter<long> ProduceFailures =
        Meter.CreateCounter<long>("carestream.messaging.produce_failures", "{message}", "Messages whose delivery report was an error.");

    internal static readonly Counter<long> ProducerRecreated =
        Meter.CreateCounter<long>("carestream.messaging.producer_recreated", "{producer}", "Producers replaced after a fatal error.");
}

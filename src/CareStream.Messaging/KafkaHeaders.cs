using System.Diagnostics;
using System.Text;
using Confluent.Kafka;

namespace CareStream.Messaging;

/// <summary>Header names CareStream writes and reads, and helpers for them. Values are UTF-8 strings.</summary>
public static class KafkaHeaders
{
    /// <summary>W3C trace context of the producing span.</summary>
    public const string TraceParent = "traceparent";

    /// <summary>W3C trace state (written only when the span has one).</summary>
    public const string TraceState = "tracestate";

    /// <summary>Media type of the value.</summary>
    public const string ContentType = "content-type";

    /// <summary>Value of <see cref="ContentType"/> for FHIR R4 JSON.</summary>
    public const string FhirJson = "application/fhir+json; fhirVersion=4.0";

    /// <summary>Dead-letter: topic the rejected message was read from.</summary>
    public const string OriginalTopic = "carestream-original-topic";

    /// <summary>Dead-letter: its partition (decimal).</summary>
    public const string OriginalPartition = "carestream-original-partition";

    /// <summary>Dead-letter: its offset (decimal).</summary>
    public const string OriginalOffset = "carestream-original-offset";

    /// <summary>Dead-letter: its timestamp (Unix milliseconds).</summary>
    public const string OriginalTimestamp = "carestream-original-timestamp";

    /// <summary>Dead-letter: consumer group that rejected it.</summary>
    public const string ConsumerGroup = "carestream-consumer-group";

    /// <summary>Dead-letter: stable machine-readable error code (e.g. <c>invalid-json</c>).</summary>
    public const string ErrorCode = "carestream-error-code";

    /// <summary>Dead-letter: human-readable reason (never contains patient data).</summary>
    public const string ErrorReason = "carestream-error-reason";

    /// <summary>Dead-letter header: the original value's size in bytes, set when the value was truncated.</summary>
    public const string OriginalSize = "carestream-original-size";

    /// <summary>Dead-letter header: <c>true</c> when the value is only the first bytes of an oversize original.</summary>
    public const string Truncated = "carestream-truncated";

    /// <summary>Canonical observations: <c>true</c> when the device clock ran more than 5 minutes ahead of receipt.</summary>
    public const string ClockSkew = "carestream-clock-skew";

    /// <summary>Unassociated observations: the ward the device is placed in, when known.</summary>
    public const string Ward = "carestream-ward";

    /// <summary>Unassociated observations: the bed the device is placed at, when known.</summary>
    public const string Bed = "carestream-bed";

    /// <summary>A technical event carried by the record (value: <see cref="DeviceUnassociatedEvent"/>).</summary>
    public const string Event = "carestream-event";

    /// <summary>
    /// Value of <see cref="Event"/>: the device publishes readings but has no patient at their effective time. Raised on
    /// the device's first such reading and again at most once per <c>Ingestion:Normalizer:UnassociatedEventInterval</c>
    /// while it stays unassociated.
    /// </summary>
    public const string DeviceUnassociatedEvent = "device-unassociated";

    /// <summary>New headers with <c>content-type: application/fhir+json; fhirVersion=4.0</c>.</summary>
    public static Headers CreateFhirJson() => new() { { ContentType, Encoding.UTF8.GetBytes(FhirJson) } };

    /// <summary>The last value of <paramref name="name"/> as UTF-8 text, or null.</summary>
    public static string? GetString(this Headers? headers, string name) =>
        headers is not null && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Adds <c>traceparent</c>/<c>tracestate</c> of <paramref name="activity"/> unless already present.</summary>
    public static void InjectTraceContext(Headers headers, Activity? activity)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (activity is null || activity.IdFormat != ActivityIdFormat.W3C || headers.TryGetLastBytes(TraceParent, out _))
        {
            return;
        }

        headers.Add(TraceParent, Encoding.UTF8.GetBytes(activity.Id!));
        if (!string.IsNullOrEmpty(activity.TraceStateString))
        {
            headers.Add(TraceState, Encoding.UTF8.GetBytes(activity.TraceStateString));
        }
    }

    /// <summary>The trace context carried by <paramref name="headers"/>, or default when absent or malformed.</summary>
    public static ActivityContext ExtractTraceContext(Headers? headers) =>
        ActivityContext.TryParse(headers.GetString(TraceParent), headers.GetString(TraceState), isRemote: true, out var context)
            ? context
            : default;
}

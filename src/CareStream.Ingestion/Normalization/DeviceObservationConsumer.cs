using System.Text;
using CareStream.Fhir.Canonical;
using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// The ingest role's normalizer: untrusted device-keyed ingress in, canonical patient-keyed Observations out.
/// A batch's offsets are stored only after every canonical message it produced is acknowledged by Kafka
/// (acks=all), so a crash replays rather than loses; the deterministic ids make the replay harmless downstream.
/// Readings whose device has no patient at their effective time go device-only to the unassociated topic.
/// </summary>
public sealed class DeviceObservationConsumer(
    KafkaConsumerContext context,
    KafkaProducer producer,
    RegistryFeed registryFeed,
    IOptions<KafkaOptions> kafka,
    IOptions<NormalizerOptions> options,
    TimeProvider timeProvider,
    ILogger<DeviceObservationConsumer> logger) : KafkaConsumerService(context)
{
    public const string ConsumerName = "ingest-normalizer";

    /// <summary>Header set on canonical messages whose device clock ran ahead of receipt (F14).</summary>
    public const string ClockSkewHeader = KafkaHeaders.ClockSkew;

    private readonly UnassociatedDeviceTracker _unassociated = new(options.Value.UnassociatedEventInterval);

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await registryFeed.CaughtUp.WaitAsync(cancellationToken);
        var normalizer = services.GetRequiredService<ReadingNormalizer>();
        var topic = kafka.Value.Topics.Observations;
        var deliveries = new List<Task>();
        var rejections = new List<MessageRejection>();

        foreach (var message in batch)
        {
            var result = await normalizer.NormalizeAsync(message.Message.Value, options.Value.AssociationWait, cancellationToken);
            foreach (var normalized in result.Messages)
            {
                var headers = KafkaHeaders.CreateFhirJson();
                if (normalized.ClockSkewed)
                {
                    headers.Add(ClockSkewHeader, "true"u8.ToArray());
                }

                _unassociated.Associated(normalized.Readings[0].Device);
                deliveries.Add(producer.ProduceAsync(
                    topic, normalized.PatientKey, CanonicalObservationWriter.ToUtf8Bytes(normalized.Readings), headers, cancellationToken));
            }

            foreach (var held in result.Held)
            {
                deliveries.Add(Hold(held, cancellationToken));
            }

            if (result.Problems.Count > 0)
            {
                // Nothing is dropped silently: usable readings go on, and the original message is dead-lettered
                // with every reason so the rest can be repaired and replayed (replays are idempotent).
                rejections.Add(new MessageRejection(
                    message, result.Problems[0].Code, Describe(result.Problems)));
            }
        }

        await Task.WhenAll(deliveries);
        return rejections.Count == 0 ? BatchOutcome.Success : new BatchOutcome(rejections);
    }

    // Kept, not dropped: the checked reading goes device-only to the unassociated topic (the store keeps it for
    // re-attribution), and the device's first such reading per interval carries the technical event.
    private Task<DeliveryResult<string, byte[]>> Hold(HeldObservation held, CancellationToken cancellationToken)
    {
        var headers = KafkaHeaders.CreateFhirJson();
        if (held.Ward is { } ward)
        {
            headers.Add(KafkaHeaders.Ward, Encoding.UTF8.GetBytes(ward.Value));
        }

        if (held.Bed is { } bed)
        {
            headers.Add(KafkaHeaders.Bed, Encoding.UTF8.GetBytes(bed.Value));
        }

        if (held.ClockSkewed)
        {
            headers.Add(ClockSkewHeader, "true"u8.ToArray());
        }

        var topic = kafka.Value.Topics.UnassociatedObservations;
        if (_unassociated.ShouldRaise(held.Device, timeProvider.GetUtcNow()))
        {
            headers.Add(KafkaHeaders.Event, Encoding.UTF8.GetBytes(KafkaHeaders.DeviceUnassociatedEvent));
            Log.DeviceUnassociated(logger, held.Device.Value, held.EffectiveAt, held.Ward?.Value, held.Bed?.Value, topic);
        }

        return producer.ProduceAsync(topic, held.Device.Value, UnassociatedObservation.ToUtf8Bytes(held), headers, cancellationToken);
    }

    private static string Describe(IReadOnlyList<NormalizationProblem> problems)
    {
        var text = new StringBuilder();
        foreach (var problem in problems.Take(20))
        {
            text.Append(text.Length == 0 ? string.Empty : "; ").Append(problem.Code).Append(": ").Append(problem.Reason);
        }

        if (problems.Count > 20)
        {
            text.Append("; and ").Append(problems.Count - 20).Append(" more");
        }

        return text.ToString();
    }
}

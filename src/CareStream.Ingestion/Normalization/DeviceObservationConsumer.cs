using System.Text;
using CareStream.Fhir.Canonical;
using CareStream.Messaging;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// The ingest role's normalizer: untrusted device-keyed ingress in, canonical patient-keyed Observations out.
/// A batch's offsets are stored only after every canonical message it produced is acknowledged by Kafka
/// (acks=all), so a crash replays rather than loses; the deterministic ids make the replay harmless downstream.
/// </summary>
public sealed class DeviceObservationConsumer(
    KafkaConsumerContext context,
    KafkaProducer producer,
    RegistryFeed registryFeed,
    IOptions<KafkaOptions> kafka,
    IOptions<NormalizerOptions> options) : KafkaConsumerService(context)
{
    public const string ConsumerName = "ingest-normalizer";

    /// <summary>Header set on canonical messages whose device clock ran ahead of receipt (F14).</summary>
    public const string ClockSkewHeader = "carestream-clock-skew";

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

                deliveries.Add(producer.ProduceAsync(
                    topic, normalized.PatientKey, CanonicalObservationWriter.ToUtf8Bytes(normalized.Readings), headers, cancellationToken));
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

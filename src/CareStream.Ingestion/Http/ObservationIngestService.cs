using System.Text.Json;
using CareStream.Fhir.Ingress;
using CareStream.Messaging;
using CareStream.Messaging.Producing;
using Confluent.Kafka;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Http;

/// <summary>
/// The HTTP adapter: checks device Observations exactly as the normalizer will (<see cref="DeviceObservationParser"/>)
/// (narrative included, B8), and publishes what passes to the ingress topic keyed by device. A 202 means the
/// reading is durable in Kafka (acks=all), not yet attributed or stored.
/// </summary>
public sealed class ObservationIngestService(
    DeviceObservationParser parser, KafkaProducer producer, IOptions<KafkaOptions> kafka, ILogger<ObservationIngestService> logger)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    /// <summary><c>POST /fhir/Observation</c>: one device Observation.</summary>
    public async Task<IResult> IngestObservationAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parsed = parser.Parse(body);
        if (parsed.Rejections.FirstOrDefault(r => r.EntryIndex < 0) is { } refused)
        {
            return IngestOutcomes.Error(IngestIssues.StatusOf(refused.Code), IngestIssues.From(refused, "Observation"));
        }

        using (var document = JsonDocument.Parse(body, DocumentOptions))
        {
            var root = document.RootElement;
            if (!root.GetProperty("resourceType").ValueEquals("Observation"u8))
            {
                return IngestOutcomes.Error(StatusCodes.Status422UnprocessableEntity, new IngestIssue(
                    "UnsupportedResourceType", "POST /fhir/Observation takes one Observation; POST batch or transaction Bundles to /fhir.",
                    "resourceType", OperationOutcome.IssueType.NotSupported));
            }

            var issues = IssuesOf(parsed, 0, root, "Observation");
            if (issues.Count > 0)
            {
                return IngestOutcomes.Errors(StatusCodes.Status422UnprocessableEntity, issues);
            }
        }

        var reading = parsed.Readings[0];
        var published = await PublishAsync(reading.Device.Value, body, cancellationToken);
        return published
            ? new FhirResourceResult(IngestOutcomes.Accepted(reading.ObservationId, reading.Device.Value), StatusCodes.Status202Accepted)
            : Unavailable("Observation");
    }

    /// <summary><c>POST /fhir</c>: a batch (per-entry outcomes) or transaction (all or nothing) Bundle of device Observations.</summary>
    public async Task<IResult> IngestBundleAsync(byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var parsed = parser.Parse(body);
        if (parsed.Rejections.FirstOrDefault(r => r.EntryIndex < 0) is { } refused)
        {
            return IngestOutcomes.Error(IngestIssues.StatusOf(refused.Code), IngestIssues.From(refused, "Bundle"));
        }

        using var document = JsonDocument.Parse(body, DocumentOptions);
        var root = document.RootElement;
        var type = root.GetProperty("type");
        var transaction = type.ValueEquals("transaction"u8);
        if (!root.GetProperty("resourceType").ValueEquals("Bundle"u8) || !(transaction || type.ValueEquals("batch"u8)))
        {
            return IngestOutcomes.Error(StatusCodes.Status422UnprocessableEntity, new IngestIssue(
                "UnsupportedBundleType", "POST /fhir processes a Bundle of type batch or transaction; POST single Observations to /fhir/Observation.",
                "Bundle.type", OperationOutcome.IssueType.NotSupported));
        }

        var entries = root.GetProperty("entry").EnumerateArray().ToArray();
        var issues = new List<IngestIssue>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            issues[i] = IssuesOf(parsed, i, entries[i], $"Bundle.entry[{i}]");
        }

        if (transaction)
        {
            if (issues.Any(i => i.Count > 0))
            {
                return IngestOutcomes.Errors(StatusCodes.Status422UnprocessableEntity, issues.SelectMany(i => i));
            }

            // One Kafka record carries the whole transaction, so it is all-or-nothing on the topic as well.
            var published = await PublishAsync(parsed.Readings[0].Device.Value, body, cancellationToken);
            return published ? Response(Bundle.BundleType.TransactionResponse, parsed, issues, _ => true) : Unavailable("Bundle");
        }

        var deliveries = new Task<bool>[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            deliveries[i] = issues[i].Count > 0
                ? System.Threading.Tasks.Task.FromResult(false)
                : PublishAsync(parsed.Readings.First(r => r.EntryIndex == i).Device.Value,
                    JsonSerializer.SerializeToUtf8Bytes(entries[i].GetProperty("resource")), cancellationToken);
        }

        var outcomes = await System.Threading.Tasks.Task.WhenAll(deliveries);
        return Response(Bundle.BundleType.BatchResponse, parsed, issues, i => outcomes[i]);
    }

    private static List<IngestIssue> IssuesOf(DeviceParseResult parsed, int index, JsonElement element, string expression)
    {
        // The parser checks the narrative too (B8), so Kafka and HTTP ingress refuse the same Observations.
        var issues = parsed.Rejections.Where(r => r.EntryIndex == index).Select(r => IngestIssues.From(r, expression)).ToList();

        if (expression != "Observation" && element.TryGetProperty("request", out var request) && !IsPostObservation(request))
        {
            issues.Add(new IngestIssue("UnsupportedInteraction", "Only POST Observation entries are accepted here.",
                expression + ".request", OperationOutcome.IssueType.NotSupported));
        }

        if (issues.Count == 0 && !parsed.Readings.Any(r => r.EntryIndex == index))
        {
            issues.Add(new IngestIssue("MissingValue", "The Observation holds no reading.", expression, OperationOutcome.IssueType.Required));
        }

        return issues;
    }

    private static bool IsPostObservation(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object
        && (!request.TryGetProperty("method", out var method) || method.ValueEquals("POST"u8))
        && (!request.TryGetProperty("url", out var url) || url.ValueEquals("Observation"u8));

    private static FhirResourceResult Response(
        Bundle.BundleType type, DeviceParseResult parsed, List<IngestIssue>[] issues, Func<int, bool> published)
    {
        var bundle = new Bundle { Type = type };
        for (var i = 0; i < issues.Length; i++)
        {
            var index = i;
            var reading = parsed.Readings.FirstOrDefault(r => r.EntryIndex == index);
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                Response = issues[i].Count > 0
                    ? new Bundle.ResponseComponent { Status = "422 Unprocessable Entity", Outcome = IngestOutcomes.Outcome(issues[i]) }
                    : published(i)
                        ? new Bundle.ResponseComponent { Status = "202 Accepted", Outcome = IngestOutcomes.Accepted(reading.ObservationId, reading.Device.Value) }
                        : new Bundle.ResponseComponent { Status = "503 Service Unavailable", Outcome = UnavailableOutcome($"Bundle.entry[{i}]") },
            });
        }

        return new FhirResourceResult(bundle, StatusCodes.Status200OK);
    }

    private async Task<bool> PublishAsync(string device, byte[] value, CancellationToken cancellationToken)
    {
        var topic = kafka.Value.Topics.DeviceObservations;
        try
        {
            var delivery = await producer.ProduceAsync(topic, device, value, KafkaHeaders.CreateFhirJson(), cancellationToken);
            Log.HttpReadingPublished(logger, device, delivery.TopicPartitionOffset);
            return true;
        }
        catch (KafkaException ex)
        {
            Log.HttpPublishFailed(logger, ex, device, topic);
            return false;
        }
    }

    private static FhirResourceResult Unavailable(string expression) =>
        new(UnavailableOutcome(expression), StatusCodes.Status503ServiceUnavailable);

    private static OperationOutcome UnavailableOutcome(string expression) => IngestOutcomes.Outcome([new IngestIssue(
        "IngressUnavailable", "Kafka did not acknowledge the reading; nothing was accepted. Retry later.", expression, OperationOutcome.IssueType.Transient)]);
}

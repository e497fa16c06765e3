using System.Text.Json;
using CareStream.Messaging.Consuming;
using CareStream.Storage.Limits;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// The store role's audit of per-patient limit overrides: the <c>limits</c> records of
/// <c>carestream.patient-commands.v1</c> (contract: the Alerting <c>PatientCommandCodec</c>) → <c>patient_limit_change</c>
/// (append-only, with the previous overrides). Other command types are skipped. Reads only the fields the audit needs,
/// so the store does not depend on the rules module. A limits record without them is dead-lettered.
/// </summary>
public sealed class LimitChangeStoreConsumer(KafkaConsumerContext context) : KafkaConsumerService(context)
{
    public const string ConsumerName = "store-limit-changes";

    public const string InvalidLimitsRecord = "InvalidLimitsRecord";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var changes = new List<PatientLimitChange>();
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            try
            {
                if (Read(message) is { } change)
                {
                    changes.Add(change);
                }
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                (rejections ??= []).Add(new MessageRejection(message, InvalidLimitsRecord, ex.Message));
            }
        }

        await services.GetRequiredService<PatientLimitChangeStore>().AppendAsync(changes, cancellationToken);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }

    private static PatientLimitChange? Read(ConsumeResult<string, byte[]> message)
    {
        using var document = JsonDocument.Parse(message.Message.Value ?? throw new FormatException("Command record has no value."));
        var root = document.RootElement;
        if (!root.TryGetProperty("type", out var type) || type.GetString() != "limits")
        {
            return null; // acknowledge, audio-pause, annotate, charting: audited on the alerts topic or not here
        }

        if (!root.TryGetProperty("limits", out var limits) || limits.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Limits record lacks the 'limits' object.");
        }

        return new PatientLimitChange(
            Text(root, "commandId"), Text(root, "patient"), Text(root, "by"), root.GetProperty("issuedAt").GetDateTimeOffset(),
            PatientLimitChangeStore.NoOverrides, limits.GetRawText(), message.Partition.Value, message.Offset.Value);
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text : throw new FormatException($"Limits record lacks '{name}'.");
}

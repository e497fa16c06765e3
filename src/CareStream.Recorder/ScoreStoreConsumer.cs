using CareStream.Messaging.Consuming;
using CareStream.Messaging.Scores;
using CareStream.Storage.Scores;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// The store role's NEWS2 history consumer: <c>carestream.patient-scores.v1</c> → <c>news2_score</c> (append-only), one
/// transaction per batch. The base loop stores the batch's offsets only after <see cref="News2ScoreStore.WriteAsync"/>
/// has committed; the key (patient, computedAt) makes a redelivered batch a no-op. The topic is compacted, so this keeps
/// what compaction would drop. A tombstone (no value) carries no score and is skipped; a record the codec refuses is
/// dead-lettered with the codec's reason.
/// </summary>
public sealed class ScoreStoreConsumer(KafkaConsumerContext context) : KafkaConsumerService(context)
{
    public const string ConsumerName = "store-scores";

    public const string InvalidScoreRecord = "InvalidPatientScoreRecord";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var records = new List<News2ScoreRecord>(batch.Count);
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            if (message.Message.Value is not { } value)
            {
                continue;
            }

            try
            {
                var s = PatientScoreCodec.Decode(value);
                records.Add(new News2ScoreRecord(s.Patient, s.ComputedAt, s.Score, s.ResponseLevel, s.Scale, s.Missing, s.Ward, s.Bed));
            }
            catch (FormatException ex)
            {
                (rejections ??= []).Add(new MessageRejection(message, InvalidScoreRecord, ex.Message));
            }
        }

        await services.GetRequiredService<News2ScoreStore>().WriteAsync(records, cancellationToken);
        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }
}

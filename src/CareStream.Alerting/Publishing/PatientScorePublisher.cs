using CareStream.Messaging;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Scores;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Publishing;

/// <summary>
/// Writes NEWS2 outcomes to <c>carestream.patient-scores.v1</c> (compacted; key = patient id, value =
/// <see cref="PatientScoreCodec"/>). Delivery is awaited with the alarm events of the same step, before the
/// consumer stores the offsets of the readings that caused it (at-least-once).
/// </summary>
public sealed class PatientScorePublisher(KafkaProducer producer, IOptions<KafkaOptions> kafka, ILogger<PatientScorePublisher> logger)
{
    private readonly string _topic = kafka.Value.Topics.PatientScores;

    /// <summary>Enqueues one record; the task completes when the cluster acknowledged it.</summary>
    public Task Enqueue(PatientScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        var delivered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        producer.Produce(_topic, PatientScoreCodec.KeyOf(score), PatientScoreCodec.Encode(score), headers: null, report =>
        {
            if (report.Error.IsError)
            {
                delivered.TrySetException(new KafkaException(report.Error));
                return;
            }

            Log.ScorePublished(logger, score.Patient, report.TopicPartitionOffset);
            delivered.TrySetResult();
        });
        return delivered.Task;
    }
}

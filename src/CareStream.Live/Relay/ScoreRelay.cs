using CareStream.Live.Hubs;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Scores;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.Relay;

/// <summary>
/// NEWS2 outcomes (<c>carestream.patient-scores.v1</c>, compacted) → the bed's score in <see cref="LiveWardState"/>
/// → pushed to the ward group at once. Each node reads the topic from the beginning in a group of its own, so the
/// current score of every patient is known to a node that just started.
/// </summary>
public sealed class ScoreRelay(KafkaConsumerContext context, LiveWardState state, IHubContext<WardHub, IWardClient> hub)
    : KafkaConsumerService(context)
{
    public const string ConsumerName = "live-scores";

    protected override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var message in batch)
        {
            PatientScore score;
            try
            {
                score = PatientScoreCodec.Decode(message.Message.Value);
            }
            catch (FormatException ex)
            {
                Log.SkippedInvalidScore(Logger, message.TopicPartitionOffset.ToString(), ex.GetType().Name);
                continue;
            }

            if (state.News2.Apply(score) is { } change)
            {
                await hub.Clients.Group(HubGroups.Ward(change.Ward)).News2Changed(change.Update);
            }
        }

        return BatchOutcome.Success;
    }
}

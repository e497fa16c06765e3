using Confluent.Kafka;

namespace CareStream.Messaging.Consuming;

/// <summary>
/// The loop for handlers that take one message at a time. Messages of a batch are handled in order within
/// one DI scope; <see cref="InvalidMessageException"/> dead-letters that message and the batch goes on.
/// Any other exception fails the batch (nothing stored, host stopped).
/// </summary>
public abstract class KafkaMessageConsumerService(KafkaConsumerContext context) : KafkaConsumerService(context)
{
    /// <summary>Handles one message; must be idempotent (messages can be redelivered).</summary>
    protected abstract Task HandleAsync(
        ConsumeResult<string, byte[]> message, IServiceProvider services, CancellationToken cancellationToken);

    /// <inheritdoc />
    protected sealed override async Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        List<MessageRejection>? rejections = null;
        foreach (var message in batch)
        {
            using var activity = ConsumerActivities.StartMessage(message);
            try
            {
                await HandleAsync(message, services, cancellationToken);
            }
            catch (InvalidMessageException ex)
            {
                activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.ErrorCode);
                (rejections ??= []).Add(new MessageRejection(message, ex.ErrorCode, ex.Message));
            }
        }

        return rejections is null ? BatchOutcome.Success : new BatchOutcome(rejections);
    }
}

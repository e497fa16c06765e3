using CareStream.Messaging.Alerts;
using CareStream.Messaging.Consuming;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Notifications;

/// <summary>
/// The notify role's consumer of <c>carestream.alerts.v1</c> (group <c>carestream-notify-alerts</c>). The base loop
/// stores a batch's offsets only after <see cref="NotificationDispatcher.DispatchAsync"/> returned for each event, i.e.
/// after every outcome is durable; an undecodable record is dead-lettered to the notifications DLQ.
/// </summary>
public sealed class NotificationConsumer(KafkaConsumerContext context) : KafkaMessageConsumerService(context)
{
    public const string ConsumerName = "notify-alerts";

    public const string InvalidAlarmRecord = "InvalidAlarmRecord";

    protected override async Task HandleAsync(
        ConsumeResult<string, byte[]> message, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(services);
        AlarmEventEnvelope envelope;
        try
        {
            envelope = AlarmEventCodec.Decode(message.Message.Value ?? throw new FormatException("Alert record has no value."));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new InvalidMessageException(InvalidAlarmRecord, ex.Message, ex);
        }

        await services.GetRequiredService<NotificationDispatcher>().DispatchAsync(message, envelope, cancellationToken);
    }
}

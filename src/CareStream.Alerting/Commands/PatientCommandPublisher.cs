using CareStream.Messaging;
using CareStream.Messaging.Producing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Alerting.Commands;

/// <summary>Publishes commands to <c>carestream.patient-commands.v1</c> (key = patient id) and waits for their delivery.</summary>
public sealed class PatientCommandPublisher(KafkaProducer producer, IOptions<KafkaOptions> kafka, ILogger<PatientCommandPublisher> logger)
{
    private readonly string _topic = kafka.Value.Topics.PatientCommands;

    /// <summary>Completes when the cluster acknowledged the record; throws when delivery failed.</summary>
    public async Task PublishAsync(PatientCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var delivered = await producer.ProduceAsync(_topic, command.Patient.Value, PatientCommandCodec.Encode(command), cancellationToken: cancellationToken);
        Log.CommandPublished(logger, command.Type, command.CommandId, command.EpisodeId ?? "-", command.Patient.Value, delivered.TopicPartitionOffset);
    }
}

using CareStream.Domain.Registry;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Registry;
using CareStream.Storage.Registry;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Recorder;

/// <summary>
/// Keeps the database registry (wards, beds, patients, time-bounded device associations) in step with the
/// assignments topic, so history queries and the FHIR API can name and place patients. Upserts are idempotent.
/// </summary>
public sealed class RegistryStoreConsumer(KafkaConsumerContext context) : KafkaMessageConsumerService(context)
{
    public const string ConsumerName = "store-registry";

    protected override async Task HandleAsync(
        ConsumeResult<string, byte[]> message, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Message.Value is not { Length: > 0 } value)
        {
            return; // a compaction tombstone: nothing to record
        }

        object fact;
        try
        {
            fact = RegistryCodec.Decode(value);
        }
        catch (FormatException ex)
        {
            throw new InvalidMessageException("InvalidRegistryRecord", ex.Message, ex);
        }

        var writer = services.GetRequiredService<RegistryWriter>();
        switch (fact)
        {
            case PatientDemographics patient:
                await writer.UpsertPatientAsync(patient, cancellationToken);
                break;
            case BedLocation bed:
                await writer.UpsertBedAsync(bed, cancellationToken);
                break;
            case DeviceAssignment assignment:
                await writer.RecordAssignmentAsync(assignment, cancellationToken);
                break;
        }
    }
}

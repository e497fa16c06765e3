using System.Text.Json;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Canonical;
using CareStream.Fhir.Vitals;
using CareStream.Live.Hubs;
using CareStream.Messaging.Consuming;
using CareStream.Messaging.Registry;
using Confluent.Kafka;

namespace CareStream.Live.Relay;

/// <summary>
/// The live role: canonical observations → the latest value per bed → coalesced SignalR frames per ward.
/// Every API node runs its own group from the latest offset (no backplane needed); nothing here is durable,
/// so there is no effect to wait for before storing offsets.
/// </summary>
public sealed class VitalsRelay(KafkaConsumerContext context, RegistryDirectory registry, LiveWardState state)
    : KafkaConsumerService(context)
{
    public const string ConsumerName = "live-vitals";

    protected override Task<BatchOutcome> HandleBatchAsync(
        IReadOnlyList<ConsumeResult<string, byte[]>> batch, IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var readings = new List<VitalSignReading>(4);
        foreach (var message in batch)
        {
            readings.Clear();
            try
            {
                CanonicalObservationReader.Read(message.Message.Value, readings);
            }
            catch (FhirFormatException ex)
            {
                // The store role dead-letters it; every live node doing the same would only multiply the DLQ.
                Log.SkippedInvalid(Logger, message.TopicPartitionOffset.ToString(), ex.Code.ToString());
                continue;
            }

            foreach (var reading in readings)
            {
                if (reading.Status == ObservationStatus.EnteredInError || registry.CurrentBedOf(reading.Patient) is not { } bed)
                {
                    continue;
                }

                state.Record(bed.Ward.Value, new VitalSignUpdate(
                    bed.Bed.Value,
                    reading.Patient.Value,
                    JsonNamingPolicy.CamelCase.ConvertName(reading.Kind.ToString()),
                    reading.Value,
                    VitalSignCatalog.Get(reading.Kind).CanonicalUnit,
                    reading.EffectiveAt));
            }
        }

        return Task.FromResult(BatchOutcome.Success);
    }
}

using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Messaging;
using CareStream.Messaging.Registry;
using Confluent.Kafka;

namespace CareStream.Bench.Load;

/// <summary>
/// Publishes beds, patients and monitor assignments straight to <c>carestream.assignments.v1</c>, as an ADT feed
/// would. Used for large workloads: the ADT API serializes commands and waits for the registry to read back each one,
/// which on the mock cluster (long-poll fetches) takes a few hundred ms per command.
/// </summary>
public static class AssignmentPublisher
{
    public static async Task PublishAsync(string bootstrapServers, IReadOnlyList<BenchBed> beds, DateTimeOffset validFrom, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(beds);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            EnableIdempotence = true,
        }).Build();
        var deliveries = new List<Task>(beds.Count * 3);
        foreach (var bed in beds)
        {
            var location = new BedLocation(new WardId(bed.Ward), bed.Ward, new BedId(bed.Bed), bed.Bed);
            var patient = new PatientDemographics(new PatientId(bed.Patient), "BENCH" + bed.Index, "Bench", "Synthetic", new DateOnly(1970, 1, 1), "unknown");
            var assignment = new DeviceAssignment(new DeviceId(bed.Device), location.Ward, location.Bed, patient.Patient, validFrom);
            foreach (var (key, value) in new[] { RegistryCodec.Encode(location), RegistryCodec.Encode(patient), RegistryCodec.Encode(assignment) })
            {
                deliveries.Add(producer.ProduceAsync(Topics.Assignments, new Message<string, byte[]> { Key = key, Value = value }, cancellationToken));
            }
        }

        await Task.WhenAll(deliveries);
    }
}

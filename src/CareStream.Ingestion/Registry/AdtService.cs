using CareStream.Domain;
using CareStream.Domain.Registry;
using CareStream.Messaging;
using CareStream.Messaging.Producing;
using CareStream.Messaging.Registry;
using Confluent.Kafka;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Registry;

/// <summary>
/// Turns ADT events into registry records on the compacted assignments topic. The present state (which devices
/// are at which bed, who lies there) comes from <see cref="RegistryDirectory"/> after it has caught up with every
/// record published so far; a patient "lies in a bed" while the bed's devices attribute to them. Changes must come
/// in time order per device (later effective times only): the stores keep the latest association per device.
/// </summary>
public sealed class AdtService(
    RegistryDirectory directory, RegistryFeed feed, KafkaProducer producer, IOptions<KafkaOptions> kafka, ILogger<AdtService> logger)
    : IDisposable
{
    private static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(10);

    // Serialises the read-decide-publish of commands in this process; several ingest nodes taking ADT commands for
    // the same bed at once could still race (documented limitation; route ADT to one node).
    private readonly SemaphoreSlim _gate = new(1, 1);

    public Task<AdtResponse> RegisterBedAsync(BedLocation bed, CancellationToken cancellationToken) =>
        RunAsync("register-bed", () => [bed], cancellationToken);

    public Task<AdtResponse> AdmitAsync(PatientDemographics patient, BedId bed, DateTimeOffset effectiveAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patient);
        return RunAsync("admit", () =>
        {
            var location = RequireBed(bed);
            if (BedOf(patient.Patient) is { } current)
            {
                throw Conflict($"Patient {patient.Patient} is already admitted to bed {current}; use transfer or discharge.");
            }

            var devices = RequireFreeBedWithDevices(bed);
            RequireAfter(devices, effectiveAt);
            return [patient, .. devices.Select(d => Attribute(d, location, patient.Patient, effectiveAt))];
        }, cancellationToken);
    }

    public Task<AdtResponse> TransferAsync(PatientId patient, BedId bed, DateTimeOffset effectiveAt, CancellationToken cancellationToken) =>
        RunAsync("transfer", () =>
        {
            var location = RequireBed(bed);
            var from = BedOf(patient) ?? throw Conflict($"Patient {patient} is not admitted to any bed; admit them first.");
            if (from == bed)
            {
                throw Conflict($"Patient {patient} already lies in bed {bed}.");
            }

            var leaving = DevicesIn(from);
            var arriving = RequireFreeBedWithDevices(bed);
            RequireAfter([.. leaving, .. arriving], effectiveAt);
            return
            [
                .. leaving.Select(d => (object)(d with { Patient = null, ValidFrom = effectiveAt })),
                .. arriving.Select(d => Attribute(d, location, patient, effectiveAt)),
            ];
        }, cancellationToken);

    public Task<AdtResponse> DischargeAsync(PatientId patient, DateTimeOffset effectiveAt, CancellationToken cancellationToken) =>
        RunAsync("discharge", () =>
        {
            var from = BedOf(patient) ?? throw Conflict($"Patient {patient} is not admitted to any bed.");
            var devices = DevicesIn(from);
            RequireAfter(devices, effectiveAt);
            return [.. devices.Select(d => (object)(d with { Patient = null, ValidFrom = effectiveAt }))];
        }, cancellationToken);

    public Task<AdtResponse> AssociateDeviceAsync(DeviceId device, BedId bed, DateTimeOffset effectiveAt, CancellationToken cancellationToken) =>
        RunAsync("associate-device", () =>
        {
            var location = RequireBed(bed);
            RequireAfter(directory.CurrentAssignment(device) is { } current ? [current] : [], effectiveAt);
            var occupant = DevicesIn(bed).Select(d => d.Patient).FirstOrDefault(p => p is not null);
            return [new DeviceAssignment(device, location.Ward, bed, occupant, effectiveAt)];
        }, cancellationToken);

    public Task<AdtResponse> DissociateDeviceAsync(DeviceId device, DateTimeOffset effectiveAt, CancellationToken cancellationToken) =>
        RunAsync("dissociate-device", () =>
        {
            var current = directory.CurrentAssignment(device)
                ?? throw new AdtException(StatusCodes.Status404NotFound, "Unknown device.", $"Device {device} has never been associated.");
            if (current.Patient is null)
            {
                throw Conflict($"Device {device} already attributes its readings to nobody.");
            }

            RequireAfter([current], effectiveAt);
            return [current with { Patient = null, ValidFrom = effectiveAt }];
        }, cancellationToken);

    public void Dispose() => _gate.Dispose();

    private async Task<AdtResponse> RunAsync(string operation, Func<IReadOnlyList<object>> plan, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SyncAsync(cancellationToken);
            var records = plan();
            var published = new List<PublishedRegistryRecord>(records.Count);
            foreach (var record in records)
            {
                published.Add(await PublishAsync(record, cancellationToken));
            }

            // Read-your-writes for this node's normalizer: it trusts a cached association without re-syncing, so a
            // reading posted right after the 202 must not meet the pre-transfer state. Best effort: the records are
            // durable either way.
            await TrySyncAsync(cancellationToken);
            Log.AdtPublished(logger, operation, published.Count);
            return new AdtResponse(operation, published);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SyncAsync(CancellationToken cancellationToken)
    {
        if (!await TrySyncAsync(cancellationToken))
        {
            throw new AdtException(StatusCodes.Status503ServiceUnavailable, "Registry not available.",
                "The registry has not caught up with the assignments topic; nothing was changed. Retry later.");
        }
    }

    private async Task<bool> TrySyncAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await feed.SyncAsync(SyncTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private async Task<PublishedRegistryRecord> PublishAsync(object record, CancellationToken cancellationToken)
    {
        var (key, value) = record switch
        {
            BedLocation bed => RegistryCodec.Encode(bed),
            PatientDemographics patient => RegistryCodec.Encode(patient),
            DeviceAssignment assignment => RegistryCodec.Encode(assignment),
            _ => throw new ArgumentException("Not a registry fact.", nameof(record)),
        };
        DeliveryResult<string, byte[]> delivery;
        try
        {
            delivery = await producer.ProduceAsync(kafka.Value.Topics.Assignments, key, value, null, cancellationToken);
        }
        catch (KafkaException ex)
        {
            Log.AdtPublishFailed(logger, ex, key);
            throw new AdtException(StatusCodes.Status503ServiceUnavailable, "Assignments topic not available.",
                $"Kafka did not acknowledge record '{key}'; records listed before it in this command may have been published. Retry the command.");
        }

        return record switch
        {
            BedLocation b => new(key, "bed", delivery.Partition.Value, delivery.Offset.Value, b.Ward.Value, b.Bed.Value, null, null, null),
            PatientDemographics p => new(key, "patient", delivery.Partition.Value, delivery.Offset.Value, null, null, null, p.Patient.Value, null),
            DeviceAssignment a => new(key, "device-assignment", delivery.Partition.Value, delivery.Offset.Value,
                a.Ward.Value, a.Bed.Value, a.Device.Value, a.Patient?.Value, a.ValidFrom),
            _ => throw new ArgumentException("Not a registry fact.", nameof(record)),
        };
    }

    private BedLocation RequireBed(BedId bed) => directory.Bed(bed)
        ?? throw new AdtException(StatusCodes.Status404NotFound, "Unknown bed.", $"Bed {bed} is not registered; POST /api/adt/beds first.");

    private List<DeviceAssignment> RequireFreeBedWithDevices(BedId bed)
    {
        var devices = DevicesIn(bed);
        if (devices.Select(d => d.Patient).FirstOrDefault(p => p is not null) is { } occupant)
        {
            throw Conflict($"Bed {bed} is occupied by patient {occupant}; discharge or transfer them first.");
        }

        // Occupancy is carried by the bed's device associations, so a bed without a device cannot hold a patient yet.
        return devices.Count > 0 ? devices
            : throw Conflict($"Bed {bed} has no associated device; associate its monitor (POST /api/adt/devices/{{id}}/associate) first.");
    }

    private static void RequireAfter(IEnumerable<DeviceAssignment> affected, DateTimeOffset effectiveAt)
    {
        if (affected.FirstOrDefault(a => a.ValidFrom >= effectiveAt) is { } later)
        {
            throw Conflict($"Effective time {effectiveAt:O} is not after device {later.Device}'s current association from "
                + $"{later.ValidFrom:O}; registry changes are accepted in time order only.");
        }
    }

    private static DeviceAssignment Attribute(DeviceAssignment device, BedLocation bed, PatientId patient, DateTimeOffset effectiveAt) =>
        device with { Ward = bed.Ward, Patient = patient, ValidFrom = effectiveAt };

    private BedId? BedOf(PatientId patient) =>
        directory.CurrentAssignments().FirstOrDefault(a => a.Patient == patient)?.Bed;

    private List<DeviceAssignment> DevicesIn(BedId bed) =>
        [.. directory.CurrentAssignments().Where(a => a.Bed == bed).OrderBy(a => a.Device.Value, StringComparer.Ordinal)];

    private static AdtException Conflict(string message) => new(StatusCodes.Status409Conflict, "The registry does not allow this change.", message);
}

using CareStream.Domain;

namespace CareStream.Ingestion.Hl7;

/// <summary>Publishes one device Observation to the ingress topic and completes only when it is durable.</summary>
public interface IDeviceObservationPublisher
{
    /// <summary>Publishes <paramref name="observation"/> (FHIR JSON) keyed by <paramref name="device"/>; throws when not durable.</summary>
    Task PublishAsync(DeviceId device, byte[] observation, CancellationToken cancellationToken);
}

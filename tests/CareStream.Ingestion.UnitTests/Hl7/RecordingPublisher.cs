using System.Collections.Concurrent;
using CareStream.Domain;
using CareStream.Ingestion.Hl7;

namespace CareStream.Ingestion.UnitTests.Hl7;

/// <summary>A publisher double: records what was published, or fails/hangs like an unreachable Kafka.</summary>
internal sealed class RecordingPublisher : IDeviceObservationPublisher
{
    public ConcurrentQueue<(string Key, byte[] Value)> Published { get; } = new();

    public Exception? FailWith { get; set; }

    public bool Hang { get; set; }

    public async Task PublishAsync(DeviceId device, byte[] observation, CancellationToken cancellationToken)
    {
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        await Task.Yield();
        if (FailWith is not null)
        {
            throw FailWith;
        }

        Published.Enqueue((device.Value, observation));
    }
}

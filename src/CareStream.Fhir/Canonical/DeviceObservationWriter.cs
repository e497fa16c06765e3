using System.Buffers;
using CareStream.Domain;
using CareStream.Domain.Vitals;

namespace CareStream.Fhir.Canonical;

/// <summary>
/// Writes device-style Observations, as a bedside device or the simulator publishes them to
/// <c>carestream.device-observations.v1</c>: keyed by device, without id, identifier or subject (the normalizer
/// resolves the patient and assigns the deterministic identity).
/// </summary>
public static class DeviceObservationWriter
{
    /// <summary>Writes one Observation: one measurement, or the components of one BP panel.</summary>
    public static void Write(
        IBufferWriter<byte> output, DeviceId device, DateTimeOffset effectiveAt, ObservationStatus status,
        ReadOnlySpan<DeviceMeasurement> measurements)
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = ObservationJson.RentWriter(output);
        ObservationJson.Write(writer, null, device, effectiveAt, status, measurements);
        writer.Flush();
    }

    /// <summary>Renders one device Observation to a new byte array.</summary>
    public static byte[] ToUtf8Bytes(
        DeviceId device, DateTimeOffset effectiveAt, ObservationStatus status, ReadOnlySpan<DeviceMeasurement> measurements)
    {
        using var buffer = new PooledByteBufferWriter();
        Write(buffer, device, effectiveAt, status, measurements);
        return buffer.WrittenSpan.ToArray();
    }
}

using CareStream.Fhir.Canonical;

namespace CareStream.Ingestion.Normalization;

/// <summary>
/// The value of a held reading on <c>carestream.observations.unassociated.v1</c>: the device-style Observation of the
/// ingress contract (no id, identifier or subject; values already in the canonical unit). The same bytes are valid
/// ingress again, so re-attribution is a replay through the normalizer once the device has a patient.
/// </summary>
internal static class UnassociatedObservation
{
    public static byte[] ToUtf8Bytes(HeldObservation held)
    {
        var first = held.Readings[0];
        Span<DeviceMeasurement> measurements = stackalloc DeviceMeasurement[held.Readings.Length];
        for (var i = 0; i < held.Readings.Length; i++)
        {
            measurements[i] = new DeviceMeasurement(held.Readings[i].Kind, held.Readings[i].MdcCode, held.Readings[i].Value);
        }

        return DeviceObservationWriter.ToUtf8Bytes(first.Device, first.EffectiveAt, first.Status, measurements);
    }
}

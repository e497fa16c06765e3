using System.Buffers;
using System.Text.Json;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;

namespace CareStream.Fhir.Canonical;

/// <summary>
/// Renders the canonical CareStream FHIR R4 vital-sign Observation (the <c>carestream.observations.v1</c> payload) with
/// <see cref="System.Text.Json.Utf8JsonWriter"/>, without Firely POCOs: id, meta.profile, identifier, status, category
/// vital-signs, code (LOINC first, MDC second), subject, effectiveDateTime, device, valueQuantity or BP components.
/// </summary>
public static class CanonicalObservationWriter
{
    /// <summary>Writes one Observation: one reading, or the systolic/diastolic/mean readings of one BP panel.</summary>
    /// <exception cref="ArgumentException">The readings do not form one Observation, or an id is not the deterministic one.</exception>
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<VitalSignReading> readings)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (readings.IsEmpty)
        {
            throw new ArgumentException("No readings to write.", nameof(readings));
        }

        var first = readings[0];
        Span<DeviceMeasurement> measurements = stackalloc DeviceMeasurement[readings.Length <= 8 ? readings.Length : 0];
        var buffer = measurements.IsEmpty ? new DeviceMeasurement[readings.Length] : measurements;
        for (var i = 0; i < readings.Length; i++)
        {
            var r = readings[i];
            if (r.ObservationId != first.ObservationId || r.Patient != first.Patient || r.Device != first.Device
                || r.EffectiveAt != first.EffectiveAt || r.Status != first.Status)
            {
                throw new ArgumentException("Readings of one Observation share id, patient, device, time and status.", nameof(readings));
            }

            buffer[i] = new DeviceMeasurement(r.Kind, r.MdcCode, r.Value);
        }

        var isPanel = VitalSignCatalog.Get(first.Kind).IsBloodPressureComponent;
        var observationMdc = isPanel ? Mdc.BloodPressurePanelOf(first.MdcCode) : first.MdcCode;
        var expectedId = ObservationIdentity.ObservationId(first.Device, observationMdc, first.EffectiveAt);
        if (expectedId != first.ObservationId)
        {
            throw new ArgumentException(
                $"ObservationId '{first.ObservationId}' is not the deterministic id '{expectedId}' of this reading.", nameof(readings));
        }

        var writer = ObservationJson.RentWriter(output);
        ObservationJson.Write(writer, first.Patient, first.Device, first.EffectiveAt, first.Status, buffer);
        writer.Flush();
    }

    /// <summary>
    /// Writes one Observation read back from the store into <paramref name="writer"/> (e.g. straight into a Bundle's
    /// entry): one reading, or the components of one BP panel in kind order. The readings' <c>ObservationId</c> is
    /// written as the id without recomputing its hash: the store keeps the deterministic id that the normalizer
    /// assigned (and <see cref="Write(IBufferWriter{byte}, ReadOnlySpan{VitalSignReading})"/> checked) losslessly.
    /// </summary>
    /// <exception cref="ArgumentException">The readings do not form one Observation.</exception>
    public static void WriteStored(Utf8JsonWriter writer, ReadOnlySpan<VitalSignReading> readings)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (readings.IsEmpty || readings.Length > 8)
        {
            throw new ArgumentException("An Observation has one to eight readings.", nameof(readings));
        }

        var first = readings[0];
        Span<DeviceMeasurement> buffer = stackalloc DeviceMeasurement[readings.Length];
        for (var i = 0; i < readings.Length; i++)
        {
            var r = readings[i];
            if (r.ObservationId != first.ObservationId || r.Patient != first.Patient || r.Device != first.Device
                || r.EffectiveAt != first.EffectiveAt || r.Status != first.Status)
            {
                throw new ArgumentException("Readings of one Observation share id, patient, device, time and status.", nameof(readings));
            }

            buffer[i] = new DeviceMeasurement(r.Kind, r.MdcCode, r.Value);
        }

        ObservationJson.Write(writer, first.Patient, first.Device, first.EffectiveAt, first.Status, buffer, first.ObservationId);
    }

    /// <summary>The writer options the canonical JSON uses (relaxed escaping: '+' in offsets stays literal).</summary>
    public static JsonWriterOptions WriterOptions => ObservationJson.WriterOptions;

    /// <summary>Writes one single-value reading.</summary>
    public static void Write(IBufferWriter<byte> output, VitalSignReading reading) => Write(output, [reading]);

    /// <summary>Renders one Observation to a new byte array (convenience; the hot path passes its own pooled writer).</summary>
    public static byte[] ToUtf8Bytes(ReadOnlySpan<VitalSignReading> readings)
    {
        using var buffer = new PooledByteBufferWriter();
        Write(buffer, readings);
        return buffer.WrittenSpan.ToArray();
    }
}

using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareStream.Domain;
using CareStream.Fhir.Terminology;

namespace CareStream.Fhir.Vitals;

/// <summary>
/// Deterministic Observation identity, so a reading delivered twice (at-least-once Kafka, partition moves) is
/// written once: business identifier <c>{deviceId}.{mdcCode}.{effective:O}</c> under
/// <see cref="FhirSystems.ObservationIdentifier"/>, and <c>Observation.id</c> = the first 16 bytes of its SHA-256
/// as 32 lowercase hex characters (valid FHIR id, stable across processes and machines).
/// </summary>
/// <remarks>
/// The code segment is the Observation-level MDC code, not the LOINC code: heart rate (ECG) and pulse rate (oximeter)
/// share LOINC 8867-4 and may be measured by one monitor in the same second. For a BP panel it is the compound code
/// (150020 NIBP, 150032 arterial, 150036 arterial line). The effective time is normalised to UTC so one instant sent
/// with two offsets is one Observation.
/// </remarks>
public static class ObservationIdentity
{
    /// <summary>The business identifier value.</summary>
    public static string BusinessIdentifier(DeviceId device, int observationMdcCode, DateTimeOffset effectiveAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{device.Value}.{observationMdcCode}.{effectiveAt.ToUniversalTime():O}");

    /// <summary><c>Observation.id</c>: 32 lowercase hex characters.</summary>
    public static string ObservationId(DeviceId device, int observationMdcCode, DateTimeOffset effectiveAt) =>
        ObservationIdFor(BusinessIdentifier(device, observationMdcCode, effectiveAt));

    /// <summary><c>Observation.id</c> for a business identifier value.</summary>
    public static string ObservationIdFor(string businessIdentifier)
    {
        ArgumentException.ThrowIfNullOrEmpty(businessIdentifier);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(businessIdentifier, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }

    /// <summary>A 64-bit form of the same hash (first 8 bytes, big-endian) for compact storage keys.</summary>
    public static long ObservationKey(DeviceId device, int observationMdcCode, DateTimeOffset effectiveAt)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(BusinessIdentifier(device, observationMdcCode, effectiveAt), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    private static void Hash(string value, Span<byte> destination)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        var buffer = byteCount <= 512 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(value, buffer);
        SHA256.HashData(buffer, destination);
    }
}

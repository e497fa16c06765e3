using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareStream.Storage.Observations;

/// <summary>
/// Maps a FHIR Observation id to the 8-byte key stored in each row. An id of exactly 16 lowercase hex digits (a 64-bit
/// hash of the business identifier, the form the normalizer should emit) is stored losslessly and round-trips through
/// <see cref="ToId"/>; any other id is hashed (first 8 bytes of SHA-256) and renders back as that hash.
/// </summary>
public static class ObservationKey
{
    public static long FromId(string observationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(observationId);
        if (RoundTrips(observationId))
        {
            return unchecked((long)ulong.Parse(observationId, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(observationId), hash);
        return BitConverter.ToInt64(hash[..8]);
    }

    public static string ToId(long key) => unchecked((ulong)key).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>True when <paramref name="observationId"/> is stored losslessly (16 lowercase hex digits).</summary>
    public static bool RoundTrips(string observationId) =>
        observationId.Length == 16 && observationId.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

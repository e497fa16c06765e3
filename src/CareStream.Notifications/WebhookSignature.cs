using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareStream.Notifications;

/// <summary>
/// Signs rest-hook bodies: <c>X-CareStream-Signature: sha256=&lt;hex HMAC-SHA256&gt;</c> over
/// <c>"{timestamp}." + body</c> with the subscription's secret (its UTF-8 bytes) as key, and
/// <c>X-CareStream-Timestamp: &lt;unix seconds&gt;</c>. The timestamp is inside the MAC, so a receiver that rejects
/// timestamps outside a tolerance window (and de-duplicates <c>X-CareStream-Event-Id</c>) is safe from replay. Pure.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-CareStream-Signature";

    public const string TimestampHeader = "X-CareStream-Timestamp";

    public const string Scheme = "sha256=";

    /// <summary>The signature header value for <paramref name="body"/> sent at <paramref name="timestamp"/> (unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        return Scheme + Convert.ToHexStringLower(Mac(secret, timestamp, body));
    }

    /// <summary>
    /// What a receiver does: true when <paramref name="signature"/> is the MAC of <paramref name="body"/> at
    /// <paramref name="timestamp"/> and that timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// Compares in constant time.
    /// </summary>
    public static bool Verify(
        string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || signature is null || !signature.StartsWith(Scheme, StringComparison.Ordinal)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, seconds, body));
    }

    /// <summary>A new secret: 32 random bytes, base64url (43 characters).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}

using System.Net;
using System.Net.Sockets;

namespace CareStream.Storage.Notifications;

/// <summary>
/// SSRF guard for rest-hook endpoints (OWASP API7). An endpoint must be an absolute https URL, or http on a loopback
/// host (a local relay or a test receiver); no user info, no fragment. Whatever the scheme, the address actually
/// connected to must not be link-local (169.254.0.0/16 incl. the cloud metadata service 169.254.169.254, fe80::/10),
/// unspecified, multicast or broadcast: <see cref="IsForbiddenAddress"/> is checked again at connect time, after DNS,
/// so a name that resolves to such an address later (DNS rebinding) is refused too.
/// </summary>
public static class WebhookEndpointPolicy
{
    /// <summary>Checks the URL shape; returns null when acceptable or a message saying why not.</summary>
    public static string? Validate(string? endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > 2048
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return "channel.endpoint must be an absolute URL of at most 2048 characters.";
        }

        // Checked first: on Unix "/path" parses as an absolute file: URI.
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            return "channel.endpoint must be an absolute https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "channel.endpoint must not carry user info or a fragment (the HMAC secret authenticates CareStream).";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopbackHost(uri))
        {
            return "channel.endpoint must use https; plain http is accepted only for a loopback host.";
        }

        return IPAddress.TryParse(uri.IdnHost, out var literal) && IsForbiddenAddress(literal)
            ? "channel.endpoint must not point at a link-local, metadata, unspecified, multicast or broadcast address."
            : null;
    }

    /// <summary>True for addresses a webhook must never reach (checked on every connection).</summary>
    public static bool IsForbiddenAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224;
        }

        return address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast
            || address.IsIPv6SiteLocal || (address.GetAddressBytes() is [0xfd, 0x00, 0x0e, 0xc2, ..]); // fd00:ec2::254, AWS IMDS over IPv6
    }

    /// <summary>True when <paramref name="uri"/> names a loopback host (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopbackHost(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && IPAddress.IsLoopback(ip));
    }
}

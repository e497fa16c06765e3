using System.Net;
using System.Net.Sockets;

namespace CareStream.Ingestion.Hl7;

/// <summary>The peers <see cref="MllpListener"/> serves (<see cref="MllpOptions.AllowedClients"/>; loopback when empty).</summary>
public sealed class MllpClientAllowList
{
    private static readonly IPNetwork[] Loopback = [new(IPAddress.Parse("127.0.0.0"), 8), new(IPAddress.IPv6Loopback, 128)];

    private readonly IPNetwork[] _networks;

    public MllpClientAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var networks = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            networks.Add(TryParseNetwork(entry, out var network)
                ? network
                : throw new ArgumentException($"'{entry}' is not an IP address or CIDR range.", nameof(entries)));
        }

        _networks = networks.Count == 0 ? Loopback : [.. networks];
    }

    /// <summary>True when <paramref name="remote"/> (IPv4-mapped IPv6 counts as IPv4) lies in an allowed range.</summary>
    public bool Allows(IPAddress? remote)
    {
        if (remote is null)
        {
            return false;
        }

        var address = remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote;
        return _networks.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    /// <summary>Parses <c>a.b.c.d</c>, <c>a.b.c.d/n</c>, an IPv6 address or an IPv6 prefix.</summary>
    public static bool TryParseNetwork(string? entry, out IPNetwork network)
    {
        network = default;
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            // Strict: "10.20.0.1/16" is a typo for a host or a range, not silently 10.20.0.0/16.
            return IPNetwork.TryParse(text, out network)
                && IPAddress.TryParse(text.AsSpan(0, text.IndexOf('/', StringComparison.Ordinal)), out var prefix)
                && prefix.Equals(network.BaseAddress);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    public override string ToString() => string.Join(", ", _networks);
}

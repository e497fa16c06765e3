using System.Net;
using System.Net.Sockets;
using CareStream.Storage.Notifications;

namespace CareStream.Notifications;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the webhook client: resolves the host itself and connects
/// only to addresses <see cref="WebhookEndpointPolicy"/> allows (plain http: loopback only), so DNS rebinding cannot
/// steer a delivery to the metadata service or a link-local address after the URL was accepted.
/// </summary>
public static class WebhookConnector
{
    /// <summary>Builds the handler every webhook request goes through (no redirects, no proxy).</summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false, // a redirect would be a second, unchecked URL
        UseProxy = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2), // pick up DNS changes
        ConnectCallback = ConnectAsync,
    };

    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var loopbackOnly = context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps;
        var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = addresses.Where(a => !WebhookEndpointPolicy.IsForbiddenAddress(a) && (!loopbackOnly || IPAddress.IsLoopback(a))).ToList();
        if (allowed.Count == 0)
        {
            throw new WebhookAddressRefusedException($"No permitted address for the webhook host (resolved {addresses.Length}).");
        }

        SocketException? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}

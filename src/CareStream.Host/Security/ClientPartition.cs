using System.Security.Claims;
using CareStream.Auth;

namespace CareStream.Host.Security;

/// <summary>Who a request counts against for rate limiting: the OAuth client, else the user, else the remote address.</summary>
internal static class ClientPartition
{
    /// <summary><c>client:&lt;client_id&gt;</c>, <c>sub:&lt;sub&gt;</c> or <c>ip:&lt;address&gt;</c> (prefixes keep the three spaces apart).</summary>
    public static string KeyOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            if (Claim(user, CareStreamClaims.ClientId) is { } clientId)
            {
                return "client:" + clientId;
            }

            if (Claim(user, CareStreamClaims.Subject) is { } subject)
            {
                return "sub:" + subject;
            }
        }

        var address = context.Connection.RemoteIpAddress;
        return "ip:" + (address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address)?.ToString();
    }

    private static string? Claim(ClaimsPrincipal user, string type) =>
        user.FindFirst(type)?.Value is { Length: > 0 } value ? value : null;
}

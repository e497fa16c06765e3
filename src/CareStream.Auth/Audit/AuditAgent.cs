using System.Security.Claims;

namespace CareStream.Auth.Audit;

/// <summary>Who made an audited request: <c>sub</c> (or <c>anonymous</c>), <c>client_id</c> and the staff <c>role</c>.</summary>
public readonly record struct AuditAgent(string Who, string? ClientId, string? Role)
{
    public const string Anonymous = "anonymous";

    public static AuditAgent From(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true })
        {
            return new AuditAgent(Anonymous, null, null);
        }

        var clientId = user.FindFirst(CareStreamClaims.ClientId)?.Value;
        return new AuditAgent(
            Truncate(user.FindFirst(CareStreamClaims.Subject)?.Value ?? clientId ?? "unknown"),
            clientId is null ? null : Truncate(clientId),
            user.FindFirst(CareStreamClaims.Role)?.Value);
    }

    // The columns hold 128 characters; a longer claim is someone else's token, not ours.
    private static string Truncate(string value) => value.Length <= 128 ? value : value[..128];
}

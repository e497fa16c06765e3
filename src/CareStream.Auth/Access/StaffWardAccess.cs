using System.Security.Claims;
using CareStream.Auth.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Access;

/// <summary>
/// <see cref="IWardAccess"/> from the staff accounts in <c>auth.users</c>: administrators and clients
/// (<c>client_id</c> claim) see every ward; other users see their assigned wards. Assignments are cached per user for
/// <see cref="CacheFor"/>, so an unassignment takes effect within that time (guide A7) without a database round trip
/// per request; a miss loads once however many requests of the user arrive meanwhile.
/// </summary>
public sealed class StaffWardAccess(IDbContextFactory<AuthDbContext> contexts, TimeProvider time) : IWardAccess
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly SingleFlightCache<WardScope> _cache = new(time, CacheFor);

    public async ValueTask<WardScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return WardScope.None;
        }

        if (user.HasClaim(CareStreamClaims.Role, CareStreamRoles.Administrator) || user.FindFirst(CareStreamClaims.ClientId) is not null)
        {
            return WardScope.Unrestricted;
        }

        var subject = user.FindFirst(CareStreamClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return WardScope.None;
        }

        return await _cache.GetAsync(subject, (s, _) => LoadAsync(s), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a user's cached assignments (call after changing them, so the change applies at once).</summary>
    public void Invalidate(string subject) => _cache.Invalidate(subject);

    // Shared by every waiting request, so not cancelled by any one of them (each stops waiting on its own token).
    private async Task<WardScope> LoadAsync(string subject)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var wards = await db.Users.AsNoTracking()
            .Where(u => u.Id == subject && u.Enabled)
            .Select(u => u.WardIds)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return wards is null ? WardScope.None : WardScope.Of(wards);
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using CareStream.Auth.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Access;

/// <summary>
/// <see cref="IWardAccess"/> from the staff accounts in <c>auth.users</c>: administrators and clients
/// (<c>client_id</c> claim) see every ward; other users see their assigned wards. Assignments are cached per user for
/// <see cref="CacheFor"/>, so an unassignment takes effect within that time (guide A7) without a database round trip
/// per request.
/// </summary>
public sealed class StaffWardAccess(IDbContextFactory<AuthDbContext> contexts, TimeProvider time) : IWardAccess
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, CachedScope> _cache = new(StringComparer.Ordinal);

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

        var now = time.GetUtcNow();
        if (_cache.TryGetValue(subject, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Scope;
        }

        var scope = await LoadAsync(subject, cancellationToken).ConfigureAwait(false);
        _cache[subject] = new CachedScope(scope, now + CacheFor);
        return scope;
    }

    /// <summary>Forgets a user's cached assignments (call after changing them, so the change applies at once).</summary>
    public void Invalidate(string subject) => _cache.TryRemove(subject, out _);

    private async Task<WardScope> LoadAsync(string subject, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var wards = await db.Users.AsNoTracking()
            .Where(u => u.Id == subject && u.Enabled)
            .Select(u => u.WardIds)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return wards is null ? WardScope.None : WardScope.Of(wards);
    }

    private sealed record CachedScope(WardScope Scope, DateTimeOffset ExpiresAt);
}

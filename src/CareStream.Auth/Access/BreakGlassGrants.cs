using CareStream.Auth.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareStream.Auth.Access;

/// <summary>
/// <see cref="IBreakGlassGrants"/> in <c>auth.break_glass_grant</c>. A subject's active grants are cached for at most
/// <see cref="StaffWardAccess.CacheFor"/>; expiry is checked against the clock on every call, so the cache never
/// lengthens a grant, and a new grant replaces the subject's cache entry at once. A miss loads once however many requests
/// of the subject arrive meanwhile.
/// </summary>
public sealed class BreakGlassGrants(IDbContextFactory<AuthDbContext> contexts, IOptions<AuthOptions> options, TimeProvider time)
    : IBreakGlassGrants
{
    private readonly SingleFlightCache<IReadOnlyList<BreakGlassGrant>> _cache = new(time, StaffWardAccess.CacheFor);

    public async Task<BreakGlassGrant> GrantAsync(string subject, string patientId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(patientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = time.GetUtcNow();
        var grant = new BreakGlassGrant
        {
            Subject = subject,
            PatientId = patientId,
            Reason = reason.Trim(),
            GrantedAt = now,
            ExpiresAt = now.AddMinutes(options.Value.BreakGlassMinutes),
        };
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            db.BreakGlassGrants.Add(grant);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        _cache.Invalidate(subject);
        return grant;
    }

    public async ValueTask<IReadOnlyList<BreakGlassGrant>> ActiveAsync(string subject, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subject);
        var now = time.GetUtcNow();
        var grants = await _cache.GetAsync(subject, LoadAsync, cancellationToken).ConfigureAwait(false);
        return grants.Count == 0 ? grants : grants.Where(g => g.ExpiresAt > now).ToList();
    }

    // Shared by every waiting request, so not cancelled by any one of them (each stops waiting on its own token).
    private async Task<IReadOnlyList<BreakGlassGrant>> LoadAsync(string subject, DateTimeOffset now)
    {
        var cancellationToken = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var grants = await db.BreakGlassGrants.AsNoTracking()
            .Where(g => g.Subject == subject && g.ExpiresAt > now)
            .OrderByDescending(g => g.ExpiresAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return grants.DistinctBy(g => g.PatientId, StringComparer.Ordinal).ToList();
    }
}

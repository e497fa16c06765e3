using System.Text.Json;
using CareStream.Auth.Data;
using Microsoft.EntityFrameworkCore;

namespace CareStream.Auth.Audit;

/// <summary>Reads <c>auth.audit_event</c> for the administrators' <c>GET /fhir/AuditEvent</c> (keyset-paged by sequence).</summary>
public sealed class AuditEventQueries(IDbContextFactory<AuthDbContext> contexts)
{
    public async Task<AuditEventPage> SearchAsync(AuditEventSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEvents.AsNoTracking();
        if (search.From is { } from)
        {
            rows = rows.Where(e => e.Recorded >= from.ToUniversalTime());
        }

        if (search.To is { } to)
        {
            rows = rows.Where(e => e.Recorded < to.ToUniversalTime());
        }

        if (search.Agent is { } agent)
        {
            rows = rows.Where(e => e.AgentWho == agent || e.ClientId == agent);
        }

        if (search.Patient is { } patient)
        {
            rows = rows.Where(e => e.PatientId == patient);
        }

        if (search.Action is { } action)
        {
            var contained = JsonSerializer.Serialize(new { action });
            rows = rows.Where(e => EF.Functions.JsonContains(e.Resource, contained));
        }

        if (search.Subtype is { } subtype)
        {
            var contained = JsonSerializer.Serialize(new { subtype = new[] { new { code = subtype } } });
            rows = rows.Where(e => EF.Functions.JsonContains(e.Resource, contained));
        }

        if (search.Before is { } before)
        {
            rows = rows.Where(e => e.Sequence < before);
        }

        var page = await rows.OrderByDescending(e => e.Sequence).Take(search.PageSize + 1).ToListAsync(cancellationToken);
        var more = page.Count > search.PageSize;
        if (more)
        {
            page.RemoveAt(page.Count - 1);
        }

        return new AuditEventPage(page, more ? page[^1].Sequence : null);
    }
}

using System.Diagnostics;
using CareStream.Auth.Audit;
using Microsoft.AspNetCore.SignalR;

namespace CareStream.Live.Hubs;

/// <summary>
/// Audits every ward subscription (<c>FollowWard</c>, <c>ResumeWard</c>, guide S6): one AuditEvent (Subscribe, a BALP
/// query over the ward) per call, refused ones included: a <see cref="HubException"/> is recorded as 403, any other
/// failure as 500. Without an <see cref="AuditTrail"/> registered (a host without the audit trail) it only passes through.
/// </summary>
public sealed class WardJoinAuditFilter(TimeProvider timeProvider, AuditTrail? trail = null) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        var method = invocationContext.HubMethodName;
        if (trail is null || method is not (nameof(WardHub.FollowWard) or nameof(WardHub.ResumeWard)))
        {
            return await next(invocationContext);
        }

        var started = timeProvider.GetUtcNow();
        var traceId = Activity.Current?.TraceId.ToHexString();
        var status = 500;
        try
        {
            var result = await next(invocationContext);
            status = 200;
            return result;
        }
        catch (HubException)
        {
            status = 403;
            throw;
        }
        finally
        {
            var ward = invocationContext.HubMethodArguments is [string wardId, ..] && wardId.Length <= 64 ? wardId : null;
            var agent = AuditAgent.From(invocationContext.Context.User);
            await trail.RecordAsync(new AuditAccess(
                Guid.CreateVersion7(started), started, AuditInteraction.Subscribe, "Location", null, null,
                ward is null ? null : "ward=" + Uri.EscapeDataString(ward), agent.Who, agent.ClientId, status, traceId, trail.ServerId,
                Role: agent.Role, SourceAddress: invocationContext.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString(),
                Operation: method), CancellationToken.None);
        }
    }
}

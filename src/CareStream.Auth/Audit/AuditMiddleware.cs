using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace CareStream.Auth.Audit;

/// <summary>
/// Records an <see cref="AuditAccess"/> for every request <see cref="AuditRequestClassifier"/> deems patient data,
/// after the rest of the pipeline (authorization included) has answered, so 401/403/404 are recorded with their
/// status. Sits after authentication (the caller is known) and before authorization. The event is queued before the
/// request completes; a full queue makes the request wait (<see cref="AuditTrail"/>). When an exception escapes to
/// the outer exception handler the event is recorded once the response has completed, with the status it got.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AuditTrail trail, TimeProvider timeProvider)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var target = AuditRequestClassifier.Classify(context.Request);
        if (target is null)
        {
            await next(context);
            return;
        }

        var started = timeProvider.GetUtcNow();
        var traceId = Activity.Current?.TraceId.ToHexString();
        try
        {
            await next(context);
        }
        catch (Exception)
        {
            context.Response.OnCompleted(() => trail.RecordAsync(Access(context, target, started, traceId), CancellationToken.None).AsTask());
            throw;
        }

        if (target.DeniedOnly && context.Response.StatusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            return;
        }

        // Not RequestAborted: a client that hangs up has still accessed the data.
        await trail.RecordAsync(Access(context, target, started, traceId), CancellationToken.None);
    }

    private AuditAccess Access(HttpContext context, AuditTarget target, DateTimeOffset started, string? traceId)
    {
        var agent = AuditAgent.From(context.User);
        var patient = context.Items[AuditHttpContextExtensions.PatientItem] as string ?? target.PatientId;
        return new AuditAccess(
            Guid.CreateVersion7(started),
            started,
            target.Interaction,
            target.ResourceType,
            target.ResourceId,
            patient,
            target.Query,
            agent.Who,
            agent.ClientId,
            context.Response.StatusCode,
            traceId,
            trail.ServerId,
            context.Items[AuditHttpContextExtensions.BreakGlassReasonItem] as string,
            agent.Role,
            context.Connection.RemoteIpAddress?.ToString(),
            target.Operation);
    }
}

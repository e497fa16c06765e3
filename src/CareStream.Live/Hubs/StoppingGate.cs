using Microsoft.AspNetCore.Http;

namespace CareStream.Live.Hubs;

/// <summary>
/// Refuses new hub negotiations and transport requests once the host is stopping. SignalR closes the connections
/// that are open when <c>ApplicationStopping</c> fires (with reconnect allowed, so dashboards move to the next
/// instance); without this gate a dashboard reconnecting at once would be accepted again by the still-listening
/// Kestrel while the other services stop, and its WebSocket would hold the shutdown until the host's timeout.
/// A refused client gets 503 with <c>Retry-After</c> and keeps to its reconnect schedule.
/// </summary>
public static class StoppingGate
{
    /// <summary>Wraps a hub endpoint's request delegate so it answers 503 once <paramref name="stopping"/> is cancelled.</summary>
    public static RequestDelegate Wrap(RequestDelegate inner, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return context =>
        {
            if (!stopping.IsCancellationRequested)
            {
                return inner(context);
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        };
    }
}

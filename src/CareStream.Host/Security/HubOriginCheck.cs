using Microsoft.Extensions.Options;

namespace CareStream.Host.Security;

/// <summary>
/// CORS does not protect WebSockets, and SignalR's negotiate is a simple POST: a request to <c>/hubs/*</c> that carries
/// an <c>Origin</c> other than the host's own or one in <c>Security:AllowedOrigins</c> is refused with 403 before the
/// hub sees it. Requests without <c>Origin</c> (non-browser clients) pass; they still need a token.
/// </summary>
internal sealed class HubOriginCheck(IOptions<SecurityOptions> options, ILogger<HubOriginCheck> logger)
{
    public const string HubPathPrefix = "/hubs";

    private readonly IReadOnlySet<string> _allowed = options.Value.CanonicalOrigins();

    public Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        if (!context.Request.Path.StartsWithSegments(HubPathPrefix, StringComparison.OrdinalIgnoreCase)
            || IsAllowed(context.Request))
        {
            return next();
        }

        Log.HubOriginRefused(logger, context.Request.Headers.Origin.ToString());
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool IsAllowed(HttpRequest request)
    {
        var origins = request.Headers.Origin;
        if (origins.Count == 0)
        {
            return true;
        }

        if (origins.Count > 1 || !Uri.TryCreate(origins[0], UriKind.Absolute, out var origin))
        {
            return false; // "null" (sandboxed or file: pages) and malformed origins included
        }

        var canonical = SecurityOptions.Canonical(origin);
        var own = SecurityOptions.Canonical(new Uri($"{request.Scheme}://{request.Host.Value}"));
        return string.Equals(canonical, own, StringComparison.OrdinalIgnoreCase) || _allowed.Contains(canonical);
    }
}

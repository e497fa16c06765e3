namespace CareStream.Host.Security;

/// <summary>
/// Headers on every response: <c>nosniff</c>, <c>no-referrer</c>, <c>X-Frame-Options: DENY</c>, a restrictive default
/// Content-Security-Policy where the endpoint set none (the dashboard sets its own, equally strict), and
/// <c>Cache-Control: no-store</c> on the API, FHIR and hub paths, which carry patient data.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>Same-origin only; <c>'self'</c> covers the page's own ws:/wss: origin (CSP Level 3); never framed.</summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static readonly string[] PatientDataPaths = ["/fhir", "/api", "/hubs"];

    public static Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
            }

            if (PatientDataPaths.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }

            return Task.CompletedTask;
        }, context);
        return next();
    }
}

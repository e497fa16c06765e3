using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareStream.Host.Security;

/// <summary>
/// The global per-client token bucket (<see cref="RateLimitOptions"/>). Rejections answer 429 at once (no queue) with
/// <c>Retry-After</c>, an OperationOutcome (code <c>throttled</c>) under <c>/fhir</c> and a ProblemDetails elsewhere.
/// </summary>
internal static class RateLimiting
{
    private static readonly TimeSpan ReplenishmentPeriod = TimeSpan.FromMilliseconds(100);

    public static void Configure(RateLimiterOptions limiter, RateLimitOptions options)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = OnRejectedAsync;
        if (!options.Enabled)
        {
            return;
        }

        // Replenish every 100 ms so a client's rate is smooth rather than a burst at the top of each second.
        var perPeriod = Math.Max(1, (int)Math.Ceiling(options.PermitsPerSecond * ReplenishmentPeriod.TotalSeconds));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(options.Burst, perPeriod),
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = ReplenishmentPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetTokenBucketLimiter(ClientPartition.KeyOf(context), _ => bucket));
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimiting).FullName!);
        Log.RateLimited(logger, ClientPartition.KeyOf(context));
        var message = $"Too many requests from this client; retry after {seconds} s.";
        if (context.Request.Path.StartsWithSegments("/fhir", StringComparison.OrdinalIgnoreCase))
        {
            await context.Response.WriteAsJsonAsync(
                new { resourceType = "OperationOutcome", issue = new[] { new { severity = "error", code = "throttled", diagnostics = message } } },
                (System.Text.Json.JsonSerializerOptions?)null, "application/fhir+json", cancellationToken);
            return;
        }

        await context.Response.WriteAsJsonAsync(
            new { type = "https://tools.ietf.org/html/rfc6585#section-4", title = "Too Many Requests", status = 429, detail = message },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
    }
}

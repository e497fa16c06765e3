using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CareStream.FhirApi.Http;

/// <summary>
/// Read responses' version headers: <c>ETag: W/"{versionId}"</c> and <c>Last-Modified</c>, and a 304 Not Modified
/// when <c>If-None-Match</c> names the current version (weak comparison, RFC 9110 §13.1.2) or, without
/// <c>If-None-Match</c>, when the resource has not changed after <c>If-Modified-Since</c> (§13.1.3).
/// </summary>
public static class ConditionalRead
{
    /// <summary>Sets the headers; returns true (status 304 set, write no body) when the client's copy is current.</summary>
    public static bool SetHeadersAndCheckNotModified(HttpContext httpContext, string? versionId, DateTimeOffset? lastModified)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        if (lastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToUniversalTime().ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        EntityTagHeaderValue? etag = null;
        if (versionId is not null)
        {
            etag = new EntityTagHeaderValue($"\"{versionId}\"", isWeak: true);
            response.Headers.ETag = etag.ToString();
        }

        var ifNoneMatch = httpContext.Request.Headers.IfNoneMatch;
        var notModified = ifNoneMatch.Count > 0
            ? etag is not null && EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
                && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false))
            : lastModified is { } changed && httpContext.Request.GetTypedHeaders().IfModifiedSince is { } since
                && WholeSeconds(changed) <= since;
        if (notModified)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
        }

        return notModified;
    }

    // An HTTP-date has whole seconds: compare the change time as Last-Modified showed it to the client.
    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond));
}

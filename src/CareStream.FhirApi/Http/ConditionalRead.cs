using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CareStream.FhirApi.Http;

/// <summary>
/// Read responses' version headers: <c>ETag: W/"{versionId}"</c> and <c>Last-Modified</c>, and a 304 Not Modified
/// when <c>If-None-Match</c> names the current version (weak comparison, RFC 9110 §13.1.2).
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

        if (versionId is null)
        {
            return false;
        }

        var etag = new EntityTagHeaderValue($"\"{versionId}\"", isWeak: true);
        response.Headers.ETag = etag.ToString();
        var ifNoneMatch = httpContext.Request.Headers.IfNoneMatch;
        if (ifNoneMatch.Count == 0 || !EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            || !tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false)))
        {
            return false;
        }

        response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }
}

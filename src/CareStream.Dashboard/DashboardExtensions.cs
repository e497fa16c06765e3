using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace CareStream.Dashboard;

/// <summary>Serves the nurse-station dashboard (static files compiled into this assembly) at <c>/</c>.</summary>
public static class DashboardExtensions
{
    private static readonly ManifestEmbeddedFileProvider Files = new(typeof(DashboardExtensions).Assembly, "wwwroot");
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    // Scripts and styles come only from this host; the page opens no frames and is framed by nobody.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Maps <c>/</c> to <c>index.html</c> and <c>/dashboard/{**path}</c> to the page's assets. Routes, not middleware, so the
    /// FHIR API, the hub and health endpoints keep precedence and an unknown path under them is never the page.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Open: the page and its assets hold no patient data, and the SPA signs in itself (the API and hub need a token).
        endpoints.MapGet("/", (HttpContext context) => Serve(context, "index.html")).ExcludeFromDescription().AllowAnonymous();
        endpoints.MapGet("/dashboard/{**path}", (HttpContext context, string path) => Serve(context, path)).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    private static IResult Serve(HttpContext context, string path)
    {
        var file = Files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            return Results.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        // Small files that must change together on an upgrade: always revalidate (ETag), never serve old modules.
        headers.CacheControl = "no-cache";
        return Results.Stream(
            file.CreateReadStream(),
            contentType.StartsWith("text/", StringComparison.Ordinal) ? contentType + "; charset=utf-8" : contentType,
            lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.ToUnixTimeSeconds():x}-{file.Length:x}\""));
    }
}

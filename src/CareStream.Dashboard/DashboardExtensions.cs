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

    /// <summary>
    /// Maps <c>/</c> to <c>index.html</c> and <c>/{**path}</c> to the page's assets. Routes, not middleware, so the
    /// FHIR API, the hub and health endpoints keep precedence and an unknown path under them is never the page.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/", () => Serve("index.html")).ExcludeFromDescription();
        endpoints.MapGet("/dashboard/{**path}", (string path) => Serve(path)).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Serve(string path)
    {
        var file = Files.GetFileInfo(path);
        if (!file.Exists || file.IsDirectory || !ContentTypes.TryGetContentType(path, out var contentType))
        {
            return Results.NotFound();
        }

        // Small files, served fresh after every deployment: revalidate rather than cache across upgrades.
        return Results.Stream(
            file.CreateReadStream(),
            contentType,
            lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.LastModified.ToUnixTimeSeconds():x}-{file.Length:x}\""));
    }
}

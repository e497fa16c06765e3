using CareStream.Auth.Validation;
using Microsoft.AspNetCore.Authorization;

namespace CareStream.Host;

/// <summary>
/// <c>GET /api/system/endpoints</c> (administrators): every route this process serves, with its HTTP methods, whether it
/// is open without a token and the policies it requires. The access-control test (A1) walks it, so a new endpoint is
/// checked without anyone remembering to list it.
/// </summary>
public static class EndpointCatalog
{
    public const string Path = "/api/system/endpoints";

    public static IEndpointRouteBuilder MapEndpointCatalog(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(Path, (EndpointDataSource source) => Describe(source))
            .RequireAuthorization(CareStreamPolicies.Administrator)
            .ExcludeFromDescription();
        return endpoints;
    }

    public static IReadOnlyList<EndpointEntry> Describe(EndpointDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => new EndpointEntry(
                e.RoutePattern.RawText ?? "",
                e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct()]))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)];
    }
}

using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Locations;
using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Devices;

/// <summary>
/// <c>GET /fhir/Device</c> (search by <c>identifier</c> and <c>location</c> = the bed the device is at now;
/// keyset-paged by id) and <c>GET /fhir/Device/{id}</c>.
/// </summary>
public static class DeviceEndpoints
{
    public static readonly IReadOnlyList<string> Supported = ["identifier", "location", "_count"];

    public static IEndpointRouteBuilder MapDeviceEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Device", SearchAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Device/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Device", SmartInteraction.Search);
        var request = http.Request;
        var parameters = SearchParameters.FromQuery(request);
        var nothing = false;
        HashSet<string>? devices = null;
        foreach (var value in parameters.Values("identifier"))
        {
            var tokens = value.Split(',').Select(FhirReference.SplitToken).ToArray();
            if (!tokens.Any(t => t.System == DeviceMapper.DeviceSystem && t.Code.Length == 0))
            {
                var named = tokens.Where(t => t.System is null or DeviceMapper.DeviceSystem && t.Code.Length > 0).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
                devices = devices is null ? named : devices.Intersect(named, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            }

            parameters.Applied("identifier", value);
        }

        BedId? bed = null;
        foreach (var value in parameters.Values("location"))
        {
            var (_, named) = LocationIds.Parse(FhirReference.ParseId("location", "Location", value));
            nothing |= named is null || (bed is { } other && other != named);
            bed = named ?? bed;
            parameters.Applied("location", value);
        }

        nothing |= devices is { Count: 0 };
        var count = Math.Max(PagingParameters.Count(parameters), 1);
        var cursor = PageCursor.Read(parameters);
        if (cursor is { Backward: true })
        {
            throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
        }

        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        string Link(params KeyValuePair<string, string>[] extra) =>
            baseUrl + "/Device" + parameters.AppliedQuery([PagingParameters.CountPair(count), .. extra]);

        var self = cursor is { } current ? Link(current.Parameter) : Link();
        if (nothing)
        {
            return new SearchsetBundleResult(self, null, null, []);
        }

        var search = new DeviceSearch
        {
            Devices = devices?.Select(d => new DeviceId(d)).ToArray() ?? [],
            Bed = bed,
            After = cursor is { } c ? new DeviceId(c.Position) : null,
            PageSize = count,
            Access = access.Patients,
        };
        var page = await registry.SearchDevicesAsync(search, cancellationToken);
        var next = page.More ? Link(PageCursor.Forward(page.Items[^1].Value.Device.Value).Parameter) : null;
        return new SearchsetBundleResult(self, next, null, page.Items.Select(d => SearchsetBundleResult.Entry(baseUrl, DeviceMapper.ToFhir(d))).ToList());
    }

    private static async Task<FhirResult> ReadAsync(string id, HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        // Devices not at a bed of the caller's wards are "not known" (404).
        var access = await resolver.ResolveAsync(http, "Device", SmartInteraction.Read);
        var device = FhirReference.IsValidId(id) ? await registry.GetDeviceAsync(new DeviceId(id), cancellationToken, access.Patients) : null;
        return device is null
            ? throw FhirRequestException.NotFound("Device", FhirReference.IsValidId(id) ? id : "?")
            : new FhirResult(DeviceMapper.ToFhir(device));
    }
}

using CareStream.Auth.Validation;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Patients;
using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Locations;

/// <summary>
/// <c>GET /fhir/Location</c> (search by <c>partof</c> and <c>name</c>; wards then beds, keyset-paged) and
/// <c>GET /fhir/Location/{id}</c>.
/// </summary>
public static class LocationEndpoints
{
    public static readonly IReadOnlyList<string> Supported = ["partof", "name", "_count"];

    public static IEndpointRouteBuilder MapLocationEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Location", SearchAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Location/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Location", SmartInteraction.Search);
        var request = http.Request;
        var parameters = SearchParameters.FromQuery(request);
        var nothing = false;
        Domain.WardId? partOf = null;
        foreach (var value in parameters.Values("partof"))
        {
            // Only wards contain Locations: a bed reference matches nothing.
            var (ward, _) = LocationIds.Parse(FhirReference.ParseId("partof", "Location", value));
            nothing |= ward is null || (partOf is { } other && other != ward);
            partOf = ward ?? partOf;
            parameters.Applied("partof", value);
        }

        var names = PatientSearchRequest.Words(parameters, "name");
        var count = Math.Max(PagingParameters.Count(parameters), 1);
        // Location pages only forward (no previous links are issued).
        var cursor = PageCursor.Read(parameters, p => p.Length > 2 && p[0] is 'w' or 'b' && p[1] == ':');
        if (cursor is { Backward: true })
        {
            throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
        }

        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        string Link(params KeyValuePair<string, string>[] extra) =>
            baseUrl + "/Location" + parameters.AppliedQuery([PagingParameters.CountPair(count), .. extra]);

        var self = cursor is { } current ? Link(current.Parameter) : Link();
        if (nothing)
        {
            return new SearchsetBundleResult(self, null, null, []);
        }

        var after = cursor is { } c ? FromPosition(c.Position) : null;
        var page = await registry.SearchLocationsAsync(new LocationSearch { PartOf = partOf, Names = names, After = after, PageSize = count, Access = access.Patients }, cancellationToken);
        var next = page.More ? Link(PageCursor.Forward(Position(page.Items[^1].Value)).Parameter) : null;
        return new SearchsetBundleResult(self, next, null, page.Items.Select(l => SearchsetBundleResult.Entry(baseUrl, LocationMapper.ToFhir(l))).ToList());
    }

    private static async Task<FhirResult> ReadAsync(string id, HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        // Wards and beds of other wards are "not known" to a ward-bound caller (404).
        var access = await resolver.ResolveAsync(http, "Location", SmartInteraction.Read);
        var (ward, bed) = FhirReference.IsValidId(id) ? LocationIds.Parse(id) : (null, null);
        var location = ward is { } w ? await registry.GetWardLocationAsync(w, cancellationToken, access.Patients)
            : bed is { } b ? await registry.GetBedLocationAsync(b, cancellationToken, access.Patients)
            : null;
        return location is null
            ? throw FhirRequestException.NotFound("Location", FhirReference.IsValidId(id) ? id : "?")
            : new FhirResult(LocationMapper.ToFhir(location));
    }

    // Keyset position: kind and registry id ("w:icu", "b:icu-01"); the ward of a bed position is not needed to resume.
    private static string Position(RegistryLocation location) =>
        location.Bed is { } bed ? "b:" + bed.Value : "w:" + location.Ward.Value;

    private static RegistryLocation FromPosition(string position) => position[0] == 'b'
        ? new RegistryLocation(new Domain.WardId("-"), "", new Domain.BedId(position[2..]), "")
        : new RegistryLocation(new Domain.WardId(position[2..]), "", null, null);
}

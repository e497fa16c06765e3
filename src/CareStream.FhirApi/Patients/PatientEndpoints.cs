using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Patients;

/// <summary><c>GET /fhir/Patient</c> (search, keyset-paged both ways by id) and <c>GET /fhir/Patient/{id}</c>.</summary>
public static class PatientEndpoints
{
    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Patient", SearchAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Patient/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Patient", SmartInteraction.Search);
        var request = http.Request;
        var parameters = SearchParameters.FromQuery(request);
        var parsed = PatientSearchRequest.Parse(parameters);
        var search = parsed with { Search = parsed.Search with { Access = access.Patients } };
        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        string Link(params KeyValuePair<string, string>[] extra) =>
            baseUrl + "/Patient" + parameters.AppliedQuery([PagingParameters.CountPair(search.Count), .. extra]);

        var cursor = search.Cursor;
        var self = cursor is { } current ? Link(current.Parameter) : Link();
        if (search.MatchesNothing)
        {
            return new SearchsetBundleResult(self, null, search.Total ? 0 : null, []);
        }

        var total = search.Total ? await registry.CountPatientsAsync(search.Search, cancellationToken) : (long?)null;
        if (search.CountOnly)
        {
            return new SearchsetBundleResult(self, null, total, []);
        }

        var page = await registry.SearchPatientsAsync(
            search.Search with { After = cursor is { Backward: false } ? cursor.Value.Position : null, Before = cursor is { Backward: true } ? cursor.Value.Position : null },
            cancellationToken);
        var items = page.Items;
        var hasNext = cursor is { Backward: true } ? items.Count > 0 : page.More;
        var hasPrevious = cursor is { Backward: true } ? page.More : cursor is not null && items.Count > 0;
        var next = hasNext ? Link(PageCursor.Forward(items[^1].Value.Patient.Value).Parameter) : null;
        var previous = hasPrevious ? Link(PageCursor.Before(items[0].Value.Patient.Value).Parameter) : null;
        var entries = items.Select(p => SearchsetBundleResult.Entry(baseUrl, PatientMapper.ToFhir(p))).ToList();
        return new SearchsetBundleResult(self, next, total, entries, previous);
    }

    private static async Task<FhirResult> ReadAsync(string id, HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Patient", SmartInteraction.Read);
        if (!FhirReference.IsValidId(id))
        {
            throw FhirRequestException.NotFound("Patient", "?");
        }

        // A patient outside the caller's access is "not known" (404, not 403: existence is not revealed).
        var patient = await registry.GetVersionedPatientAsync(new PatientId(id), cancellationToken, access.Patients)
            ?? throw FhirRequestException.NotFound("Patient", id);
        access.NoteAccess(http, patient.Value.Patient);
        return new FhirResult(PatientMapper.ToFhir(patient));
    }
}

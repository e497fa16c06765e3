using System.Globalization;
using CareStream.Auth.Validation;
using CareStream.Fhir.Alerts;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Alerts;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using FhirSerializer = CareStream.Fhir.Mapping.FhirJson;

namespace CareStream.FhirApi.Flags;

/// <summary>
/// <c>GET /fhir/Flag/{id}</c> (id = alarm episode id) and <c>GET /fhir/Flag</c> (keyset-paged searchsets) over the
/// alert store; each alarm episode is one Flag (<see cref="FlagMapper"/>, docs/alarms-fhir-mapping.md).
/// </summary>
public static class FlagEndpoints
{
    /// <summary>The parameters Flag search understands (the CapabilityStatement lists the same).</summary>
    public static readonly IReadOnlyList<string> Supported = ["patient", "subject", "status", "date", "_count", "_sort"];

    public static IEndpointRouteBuilder MapFlagEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Flag", SearchAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        fhir.MapGet("/Flag/{id}", ReadAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }

    /// <summary>The Flag of a stored alarm, with <c>meta.lastUpdated</c> = when the store last changed it.</summary>
    public static Flag ToFlag(StoredAlarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var flag = FlagMapper.ToFlag(alarm.Episode, alarm.EvidenceObservationIds, alarm.Ward, alarm.Bed);
        flag.Meta = new Meta { LastUpdated = alarm.UpdatedAt };
        return flag;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, FhirAccessResolver resolver, AlarmQueries queries, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Flag", SmartInteraction.Search);
        var request = http.Request;
        var parameters = SearchParameters.FromQuery(request);
        var search = FlagSearchRequest.Parse(parameters);
        var cursor = parameters.One("_cursor");
        if (cursor is not null && !AlarmQueries.IsValidCursor(cursor))
        {
            throw FhirRequestException.InvalidParameter("_cursor", "not a page cursor of this server.");
        }

        parameters.ThrowIfUnknown();
        var baseUrl = FhirApiExtensions.BaseUrl(request);
        var count = new KeyValuePair<string, string>("_count", search.Count.ToString(CultureInfo.InvariantCulture));
        var self = baseUrl + "/Flag" + parameters.AppliedQuery(count);
        if (search.MatchesNothing)
        {
            return new SearchsetBundleResult(self, null, null, []);
        }

        var page = await queries.SearchAsync(search.Search with { Cursor = cursor, Access = access.Patients }, cancellationToken);
        var next = page.NextCursor is null ? null : baseUrl + "/Flag" + parameters.AppliedQuery(count, new("_cursor", page.NextCursor));
        var entries = page.Items
            .Select(a => ($"{baseUrl}/Flag/{a.Episode.EpisodeId}", (ReadOnlyMemory<byte>)FhirSerializer.SerializeToUtf8Bytes(ToFlag(a))))
            .ToList();
        return new SearchsetBundleResult(self, next, null, entries);
    }

    private static async Task<FhirResult> ReadAsync(
        string id, HttpContext http, FhirAccessResolver resolver, AlarmQueries queries, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var access = await resolver.ResolveAsync(http, "Flag", SmartInteraction.Read);
        var alarm = FhirReference.IsValidId(id) ? await queries.GetAsync(id, cancellationToken) : null;
        // An alarm of a patient the caller may not see is "not known" (404).
        alarm = alarm is not null && await access.MaySeeAsync(alarm.Episode.Patient, registry, http, cancellationToken) ? alarm : null;
        return alarm is null
            ? throw FhirRequestException.NotFound("Flag", FhirReference.IsValidId(id) ? id : "?")
            : new FhirResult(ToFlag(alarm));
    }
}

using CareStream.Fhir.Canonical;
using CareStream.FhirApi.Http;
using CareStream.Storage.Observations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Observations;

/// <summary><c>GET /fhir/Observation</c>: a patient's vital-sign history, newest first, in keyset-paged searchsets.</summary>
public static class ObservationEndpoints
{
    public static IEndpointRouteBuilder MapObservationEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Observation", SearchAsync);
        return fhir;
    }

    private static async Task<SearchsetBundleResult> SearchAsync(
        HttpRequest request, ObservationQueries queries, CancellationToken cancellationToken)
    {
        var search = ObservationSearchRequest.Parse(request.Query);
        var page = await queries.SearchAsync(
            new ReadingSearch(search.Patient, search.Kinds, PageSize: search.Count, Cursor: search.Cursor), cancellationToken);

        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{FhirApiExtensions.BasePath}";
        var entries = page.Items
            .GroupBy(r => r.ObservationId) // a BP panel is one Observation over several rows
            .Select(g => ($"{baseUrl}/Observation/{g.Key}",
                (ReadOnlyMemory<byte>)CanonicalObservationWriter.ToUtf8Bytes(g.Select(r => r.ToReading()).ToArray())))
            .ToList();

        var self = SelfLink(request, search);
        var next = page.NextCursor is null ? null : self + "&_cursor=" + Uri.EscapeDataString(page.NextCursor);
        return new SearchsetBundleResult(self, next, total: null, entries);
    }

    private static string SelfLink(HttpRequest request, ObservationSearchRequest search)
    {
        // Only the parameters that were applied appear in the self link (unknown ones were ignored).
        var query = new QueryBuilder { { "patient", search.Patient.Value }, { "_count", search.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) } };
        if (request.Query.TryGetValue("code", out var code) && search.Kinds is not null)
        {
            query.Add("code", code.ToString());
        }

        return $"{request.Scheme}://{request.Host}{request.PathBase}{FhirApiExtensions.BasePath}/Observation{query}";
    }
}

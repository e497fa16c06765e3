using System.Globalization;
using CareStream.Auth.Validation;
using CareStream.Domain;
using CareStream.Fhir.Terminology;
using CareStream.Auth.Scopes;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;
using CareStream.Storage.Scores;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace CareStream.FhirApi.Scores;

/// <summary>
/// <c>GET /fhir/Patient/{id}/$news2-history?start=&amp;end=</c>: the patient's stored NEWS2 outcomes computed in
/// [start, end) as a searchset Bundle of Observations (<see cref="News2ObservationMapper"/>), oldest first. A custom
/// operation rather than an Observation search, so NEWS2 never mixes with the vital-signs store. <c>end</c> defaults
/// to now and <c>start</c> to 72 h before <c>end</c>; a range over 31 days is refused (400 OperationOutcome). An
/// unknown patient yields an empty Bundle.
/// </summary>
public static class News2HistoryOperation
{
    public const string Name = "news2-history";
    public const string Definition = FhirSystems.CareStreamBase + "/OperationDefinition/Patient-news2-history";
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(72);
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    /// <summary>At most this many outcomes per answer (the rules role publishes on change and refresh only).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>The operation as the CapabilityStatement lists it, on the Patient resource.</summary>
    public static ResourceComponent WithNews2History(this ResourceComponent patient)
    {
        ArgumentNullException.ThrowIfNull(patient);
        patient.Operation.Add(new OperationComponent
        {
            Name = Name,
            Definition = Definition,
            Documentation = "NEWS2 history: start, end (FHIR dateTime; default the 72 h before now; at most 31 days).",
        });
        return patient;
    }

    public static IEndpointRouteBuilder MapNews2History(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Patient/{id}/$" + Name, ExecuteAsync).RequireAuthorization(CareStreamPolicies.FhirReader);
        return fhir;
    }

    private static async Task<IResult> ExecuteAsync(
        string id, HttpContext http, FhirAccessResolver resolver, RegistryQueries registry, News2ScoreStore store, TimeProvider time,
        CancellationToken cancellationToken)
    {
        // NEWS2 outcomes are Observations: the Observation scope applies; a granular (kind-limited) scope does not cover them.
        var access = await resolver.ResolveAsync(http, "Observation", SmartInteraction.Search);
        var request = http.Request;
        if (!FhirReference.IsValidId(id))
        {
            throw FhirRequestException.NotFound("Patient", "?");
        }

        var parameters = SearchParameters.FromQuery(request);
        var start = parameters.One("start") is { Length: > 0 } s ? DateParameter.Parse("start", s).Low : (DateTimeOffset?)null;
        var end = parameters.One("end") is { Length: > 0 } e ? DateParameter.Parse("end", e).High : (DateTimeOffset?)null;
        parameters.ThrowIfUnknown();
        var to = end ?? (start is { } from0 ? Min(from0 + DefaultWindow, time.GetUtcNow()) : time.GetUtcNow());
        var from = start ?? to - DefaultWindow;
        if (to <= from || to - from > MaxRange)
        {
            throw FhirRequestException.InvalidParameter("start", $"the range must end after it starts and span at most {MaxRange.TotalDays} days.");
        }

        // A patient the caller may not see yields what an unknown patient yields: an empty Bundle.
        var visible = access.Kinds is null && await access.MaySeeAsync(new PatientId(id), registry, http, cancellationToken);
        var rows = visible ? await store.ReadAsync(new PatientId(id), from, to, MaxEntries, cancellationToken) : [];
        var self = $"{FhirApiExtensions.BaseUrl(request)}/Patient/{id}/${Name}?start={Instant(from)}&end={Instant(to)}";
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = rows.Count, Link = [new Bundle.LinkComponent { Relation = "self", Url = self }] };
        foreach (var row in rows)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = News2ObservationMapper.FullUrl(row),
                Resource = News2ObservationMapper.ToFhir(row),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return new FhirResult(bundle);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Instant(DateTimeOffset at) =>
        Uri.EscapeDataString(at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
}

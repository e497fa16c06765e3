using CareStream.Domain;
using CareStream.Domain.Vitals;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Observation search parameters parsed into a storage search. <see cref="MatchesNothing"/> is set when the
/// criteria can match no stored row (another category, an unknown code, contradictory dates): the answer is an
/// empty Bundle without a query.
/// </summary>
public sealed record ObservationSearchRequest(ReadingSearch Search, int Count, bool MatchesNothing, bool CountOnly, bool Total)
{
    public const int DefaultCount = PagingParameters.DefaultCount;
    public const int MaxCount = PagingParameters.MaxCount;

    /// <summary>The parameters this search understands (the CapabilityStatement lists the same).</summary>
    public static readonly IReadOnlyList<string> Supported =
        ["patient", "subject", "code", "category", "date", "status", "device", "_count", "_sort", "_summary", "_total"];

    public static ObservationSearchRequest Parse(SearchParameters parameters, bool paged = true)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var nothing = false;
        var patient = ParsePatient(parameters);

        IReadOnlyCollection<KindCode>? codes = null;
        foreach (var value in parameters.Values("code"))
        {
            var matched = ObservationCodes.Match(value);
            codes = codes is null ? matched : codes.Intersect(matched).ToHashSet();
            parameters.Applied("code", value);
        }

        foreach (var value in parameters.Values("category"))
        {
            nothing |= !ObservationCodes.IsVitalSigns(value);
            parameters.Applied("category", value);
        }

        var window = new TimeWindow();
        foreach (var value in parameters.Values("date"))
        {
            window.Add(DateParameter.Parse("date", value));
            parameters.Applied("date", value);
        }

        HashSet<ObservationStatus>? statuses = null;
        foreach (var value in parameters.Values("status"))
        {
            var named = ObservationCodes.Statuses(value);
            statuses = statuses is null ? named : statuses.Intersect(named).ToHashSet();
            parameters.Applied("status", value);
        }

        DeviceId? device = null;
        foreach (var value in parameters.Values("device"))
        {
            var id = new DeviceId(FhirReference.ParseId("device", "Device", value));
            nothing |= device is { } other && other != id;
            device = id;
            parameters.Applied("device", value);
        }

        var search = new ReadingSearch(patient, From: window.From, To: window.To, NewestFirst: ParseSort(parameters))
        {
            Codes = codes,
            Statuses = statuses,
            Device = device,
            Excluded = window.Excluded.Count > 0 ? window.Excluded : null,
        };
        nothing |= window.IsEmpty || codes is { Count: 0 } || statuses is { Count: 0 };
        var count = paged ? PagingParameters.Count(parameters) : MaxCount;
        var countOnly = PagingParameters.SummaryCount(parameters) || count == 0;
        var total = PagingParameters.Total(parameters) || countOnly;
        return new ObservationSearchRequest(search, Math.Max(count, 1), nothing, countOnly, total);
    }

    private static PatientId ParsePatient(SearchParameters parameters)
    {
        var id = PatientParameter.Parse(parameters);
        return id is null
            ? throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                "Observation search needs 'patient' (or 'subject'): history is searched per patient.")
            : new PatientId(id);
    }

    private static bool ParseSort(SearchParameters parameters)
    {
        switch (parameters.One("_sort"))
        {
            case null:
                return true;
            case "-date":
                parameters.Applied("_sort", "-date");
                return true;
            case "date":
                parameters.Applied("_sort", "date");
                return false;
            default:
                return parameters.Strict
                    ? throw FhirRequestException.InvalidParameter("_sort", "only date and -date are supported.")
                    : true; // lenient: ignored (default order), left out of the self link
        }
    }
}

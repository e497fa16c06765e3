using System.Globalization;
using CareStream.Domain.Vitals;
using CareStream.Fhir.Terminology;
using CareStream.Fhir.Vitals;
using CareStream.FhirApi.Access;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Observations;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using Microsoft.AspNetCore.Http;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// <c>Observation/$lastn</c> (R4): the newest <c>max</c> Observations per code group of one patient. Codings are
/// equal transitively, so a group is a connected component of "shares a coding": every rendered Observation carries
/// one primary LOINC code and each MDC code maps to one LOINC code, so the groups are the primary LOINC codes
/// (8867-4 holds heart rate by ECG and pulse rate by oximeter together; 85354-9 the BP panels).
/// </summary>
public static class LastNOperation
{
    public const int MaxMax = 100;

    /// <summary>Code groups: primary LOINC code → kinds rendered with it.</summary>
    public static readonly IReadOnlyList<(string Loinc, VitalSignKind[] Kinds)> Groups = VitalSignCatalog.All
        .GroupBy(d => d.IsBloodPressureComponent ? Loinc.BloodPressurePanel : d.LoincCode)
        .Select(g => (g.Key, g.Select(d => d.Kind).ToArray()))
        .ToArray();

    private static readonly ObservationStatus[] NotInError =
        [ObservationStatus.Preliminary, ObservationStatus.Final, ObservationStatus.Amended];

    public static async Task<IResult> ExecuteAsync(
        SearchParameters parameters, string baseUrl, ObservationQueries queries, FhirAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(access);
        var hasCodeOrCategory = parameters.Values("code").Count > 0 || parameters.Values("category").Count > 0;
        var request = ObservationSearchRequest.Parse(parameters, paged: false);
        if (!hasCodeOrCategory)
        {
            throw new FhirRequestException(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Required,
                "$lastn needs 'category' or 'code' besides 'patient' (or 'subject').");
        }

        var max = ParseMax(parameters);
        parameters.ThrowIfUnknown();
        var self = baseUrl + "/Observation/$lastn" + parameters.AppliedQuery();
        var narrowed = access.ExcludesPatient(request.Search.Patient) ? null : access.Narrow(request.Search);
        if (request.MatchesNothing || narrowed is null)
        {
            return new SearchsetBundleResult(self, null, null, []);
        }

        // R4 includes entered-in-error unless status filters; CareStream's documented choice excludes it (issue 4).
        access.NoteAccess(http, narrowed.Patient);
        var search = narrowed with { NewestFirst = true, Statuses = request.Search.Statuses ?? NotInError };
        var terms = ReadingFilterTerms(search);
        var observations = new List<StoredReading[]>();
        foreach (var (_, kinds) in Groups)
        {
            var groupTerms = terms.Where(t => kinds.Contains(t.Kind)).ToArray();
            if (groupTerms.Length > 0)
            {
                var (page, _) = await ObservationPager.PageAsync(queries, search with { Codes = groupTerms }, max, cancellationToken);
                observations.AddRange(page);
            }
        }

        return ObservationBundle.Result(self, null, null, baseUrl, observations);
    }

    private static KindCode[] ReadingFilterTerms(ReadingSearch search) =>
        search.Codes?.ToArray() ?? Enum.GetValues<VitalSignKind>().Select(k => new KindCode(k)).ToArray();

    private static int ParseMax(SearchParameters parameters)
    {
        var text = parameters.One("max");
        if (text is null)
        {
            return 1;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1)
        {
            throw FhirRequestException.InvalidParameter("max", "must be a positive integer.");
        }

        max = Math.Min(max, MaxMax);
        parameters.Applied("max", max.ToString(CultureInfo.InvariantCulture));
        return max;
    }
}

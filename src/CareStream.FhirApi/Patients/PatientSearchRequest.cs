using CareStream.FhirApi.Search;
using CareStream.Storage.Registry;

namespace CareStream.FhirApi.Patients;

/// <summary>
/// Patient search parameters parsed into a registry search: <c>identifier</c> (the MRN: <c>system|value</c>,
/// <c>value</c>, <c>system|</c>), <c>name</c>/<c>family</c>/<c>given</c> (starts-with on any word, case- and
/// accent-insensitive; comma = OR, repeats AND), <c>birthdate</c> (FHIR date prefixes and partial dates).
/// </summary>
public sealed record PatientSearchRequest(PatientSearch Search, int Count, bool MatchesNothing, bool CountOnly, bool Total, PageCursor? Cursor)
{
    public static readonly IReadOnlyList<string> Supported =
        ["identifier", "name", "family", "given", "birthdate", "_count", "_summary", "_total"];

    public static PatientSearchRequest Parse(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var nothing = false;
        HashSet<string>? mrns = null;
        var anySystem = false;
        foreach (var value in parameters.Values("identifier"))
        {
            var matched = new HashSet<string>(StringComparer.Ordinal);
            var all = false;
            foreach (var (system, code) in value.Split(',').Select(FhirReference.SplitToken))
            {
                if (system is null or PatientMapper.MrnSystem && code.Length > 0)
                {
                    matched.Add(code);
                }

                all |= system == PatientMapper.MrnSystem && code.Length == 0;
            }

            // "system|" matches every patient (all carry an MRN); otherwise the values ANDed across repeats.
            if (!all)
            {
                mrns = mrns is null ? matched : mrns.Intersect(matched, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            }

            anySystem |= all;
            parameters.Applied("identifier", value);
        }

        nothing |= mrns is { Count: 0 };
        var birthDates = new List<DateCondition>();
        foreach (var value in parameters.Values("birthdate"))
        {
            var date = DateParameter.Parse("birthdate", value);
            birthDates.Add(new DateCondition(date.Prefix, date.Low, date.High));
            parameters.Applied("birthdate", value);
        }

        var count = PagingParameters.Count(parameters);
        var countOnly = PagingParameters.SummaryCount(parameters) || count == 0;
        var total = PagingParameters.Total(parameters) || countOnly;
        var search = new PatientSearch
        {
            MedicalRecordNumbers = mrns?.ToArray() ?? [],
            Names = Words(parameters, "name"),
            FamilyNames = Words(parameters, "family"),
            GivenNames = Words(parameters, "given"),
            BirthDates = birthDates,
            PageSize = Math.Max(count, 1),
        };
        return new PatientSearchRequest(search, Math.Max(count, 1), nothing, countOnly, total, PageCursor.Read(parameters));
    }

    /// <summary>A string parameter's values: each an OR list (comma), empty alternatives dropped, repeats ANDed.</summary>
    internal static IReadOnlyList<IReadOnlyList<string>> Words(SearchParameters parameters, string name)
    {
        var terms = new List<IReadOnlyList<string>>();
        foreach (var value in parameters.Values(name))
        {
            var alternatives = value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
            if (alternatives.Length > 0)
            {
                terms.Add(alternatives);
                parameters.Applied(name, value);
            }
        }

        return terms;
    }
}

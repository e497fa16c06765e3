using System.Globalization;
using CareStream.Domain;
using CareStream.FhirApi.Http;
using CareStream.FhirApi.Search;
using CareStream.Storage.Alerts;

namespace CareStream.FhirApi.Flags;

/// <summary>
/// Flag search parameters parsed into an alert-store search. <c>date</c> matches Flags whose period
/// [raised, resolved) overlaps the searched range (an open Flag's period has no end); <c>ne</c> is not supported.
/// </summary>
public sealed record FlagSearchRequest(AlarmSearch Search, int Count, bool MatchesNothing)
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;

    public static FlagSearchRequest Parse(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var patient = PatientParameter.Parse(parameters);

        HashSet<bool>? open = null;
        foreach (var value in parameters.Values("status"))
        {
            var named = value.Split(',').Select(s => s switch
            {
                "active" => true,
                "inactive" => false,
                _ => throw FhirRequestException.InvalidParameter("status", "must be active or inactive (entered-in-error is never stored)."),
            }).ToHashSet();
            open = open is null ? named : open.Intersect(named).ToHashSet();
            parameters.Applied("status", value);
        }

        var window = new TimeWindow();
        foreach (var value in parameters.Values("date"))
        {
            window.Add(DateParameter.Parse("date", value));
            parameters.Applied("date", value);
        }

        if (window.Excluded.Count > 0)
        {
            throw FhirRequestException.InvalidParameter("date", "the prefix ne is not supported on Flag.");
        }

        var search = new AlarmSearch(
            patient is null ? null : new PatientId(patient), open is { Count: 1 } ? open.Single() : null,
            window.From, window.To, ParseSort(parameters), ParseCount(parameters));
        return new FlagSearchRequest(search, search.PageSize, window.IsEmpty || open is { Count: 0 });
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
                return parameters.Strict ? throw FhirRequestException.InvalidParameter("_sort", "only date and -date are supported.") : true;
        }
    }

    private static int ParseCount(SearchParameters parameters)
    {
        var text = parameters.One("_count");
        if (text is null)
        {
            return DefaultCount;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            value = text.Length > 0 && text.All(char.IsAsciiDigit) ? MaxCount : throw FhirRequestException.InvalidParameter("_count", "must be a positive integer.");
        }

        return value < 1 ? throw FhirRequestException.InvalidParameter("_count", "must be a positive integer.") : Math.Min(value, MaxCount);
    }
}

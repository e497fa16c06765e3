using System.Globalization;
using CareStream.FhirApi.Http;

namespace CareStream.FhirApi.Search;

/// <summary>
/// <c>_count</c>, <c>_summary</c> and <c>_total</c> as every searchset reads them: <c>_count</c> defaults to 50 and is
/// clamped at 1000 (0 = count only); <c>_summary=count</c> gives the total without entries.
/// </summary>
public static class PagingParameters
{
    public const int DefaultCount = 50;
    public const int MaxCount = 1000;

    public static int Count(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = parameters.One("_count");
        if (text is null)
        {
            return DefaultCount;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            // Digits beyond int range are still a number: clamp them like any other large _count (B3).
            value = text.Length > 0 && text.All(char.IsAsciiDigit) ? MaxCount : throw FhirRequestException.InvalidParameter("_count", "must be a non-negative integer.");
        }

        return Math.Min(value, MaxCount);
    }

    /// <summary>True for <c>_summary=count</c>.</summary>
    public static bool SummaryCount(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        switch (parameters.One("_summary"))
        {
            case null or "false":
                return false;
            case "count":
                parameters.Applied("_summary", "count");
                return true;
            default:
                throw FhirRequestException.InvalidParameter("_summary", "only count and false are supported.");
        }
    }

    /// <summary>True for <c>_total=accurate</c>; none and estimate give no total.</summary>
    public static bool Total(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var value = parameters.One("_total");
        if (value is null)
        {
            return false;
        }

        if (value is not ("none" or "estimate" or "accurate"))
        {
            throw FhirRequestException.InvalidParameter("_total", "must be none, estimate or accurate.");
        }

        parameters.Applied("_total", value);
        return value == "accurate";
    }

    public static KeyValuePair<string, string> CountPair(int count) => new("_count", count.ToString(CultureInfo.InvariantCulture));
}

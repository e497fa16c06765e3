namespace CareStream.FhirApi.Search;

/// <summary>
/// Several <c>date</c> parameters ANDed over a point in time (an Observation's effectiveDateTime): a window
/// [From, To) plus excluded ranges (<c>ne</c>). For a point p and a value range [lo, hi): eq lo ≤ p &lt; hi;
/// ne not eq; gt and sa p ≥ hi; lt and eb p &lt; lo; ge p ≥ lo; le p &lt; hi.
/// </summary>
public sealed class TimeWindow
{
    private readonly List<(DateTimeOffset From, DateTimeOffset To)> _excluded = [];

    public DateTimeOffset? From { get; private set; }

    public DateTimeOffset? To { get; private set; }

    public IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Excluded => _excluded;

    /// <summary>True when the conditions contradict each other: nothing can match.</summary>
    public bool IsEmpty => From is { } f && To is { } t && f >= t;

    public void Add(DateParameter date)
    {
        switch (date.Prefix)
        {
            case "eq":
                Above(date.Low);
                Below(date.High);
                break;
            case "ne":
                _excluded.Add((date.Low, date.High));
                break;
            case "gt" or "sa":
                Above(date.High);
                break;
            case "ge":
                Above(date.Low);
                break;
            case "lt" or "eb":
                Below(date.Low);
                break;
            case "le":
                Below(date.High);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(date), date.Prefix, "Unknown date prefix.");
        }
    }

    private void Above(DateTimeOffset bound) => From = From is { } f && f > bound ? f : bound;

    private void Below(DateTimeOffset bound) => To = To is { } t && t < bound ? t : bound;
}

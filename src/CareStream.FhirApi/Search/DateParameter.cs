using System.Globalization;
using System.Text.RegularExpressions;
using CareStream.FhirApi.Http;

namespace CareStream.FhirApi.Search;

/// <summary>
/// A FHIR date search value: prefix (eq ne gt lt ge le sa eb) and the implicit range [Low, High) of its precision
/// (<c>2026</c> is the year, <c>2026-11-25T10:00</c> the minute). Values without a time zone are read as UTC.
/// </summary>
public readonly partial record struct DateParameter(string Prefix, DateTimeOffset Low, DateTimeOffset High)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le", "sa", "eb"];

    public static DateParameter Parse(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var prefix = value.Length >= 2 && char.IsAsciiLetterLower(value[0]) ? value[..2] : "eq";
        if (value.Length >= 2 && char.IsAsciiLetterLower(value[0]) && !Prefixes.Contains(prefix))
        {
            throw FhirRequestException.InvalidParameter(name, $"prefix '{Clip(prefix)}' is not supported (eq, ne, gt, lt, ge, le, sa, eb).");
        }

        // An unencoded '+' of a time zone arrives as a space.
        var text = (char.IsAsciiLetterLower(value[0]) ? value[2..] : value).Replace(' ', '+');
        var m = Pattern().Match(text);
        if (!m.Success)
        {
            throw FhirRequestException.InvalidParameter(name, "not a FHIR date, dateTime or instant.");
        }

        try
        {
            var offset = m.Groups["tz"].Success && m.Groups["tz"].Value != "Z"
                ? TimeSpan.ParseExact(m.Groups["tz"].Value[1..], @"hh\:mm", CultureInfo.InvariantCulture) * (m.Groups["tz"].Value[0] == '-' ? -1 : 1)
                : TimeSpan.Zero;
            int Part(string g, int fallback) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : fallback;
            var low = new DateTimeOffset(Part("y", 1), Part("mo", 1), Part("d", 1), Part("h", 0), Part("mi", 0), Part("s", 0), offset);
            var fraction = m.Groups["f"].Success ? m.Groups["f"].Value[1..] : null;
            if (fraction is not null)
            {
                low = low.AddTicks(long.Parse(fraction.PadRight(7, '0'), CultureInfo.InvariantCulture));
            }

            var high = fraction is not null ? low.AddTicks((long)Math.Pow(10, 7 - fraction.Length))
                : m.Groups["s"].Success ? low.AddSeconds(1)
                : m.Groups["mi"].Success ? low.AddMinutes(1)
                : m.Groups["d"].Success ? low.AddDays(1)
                : m.Groups["mo"].Success ? low.AddMonths(1)
                : low.AddYears(1);
            return new DateParameter(prefix, low, high);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            throw FhirRequestException.InvalidParameter(name, "not a valid date.");
        }
    }

    private static string Clip(string s) => s.Length <= 8 ? s : s[..8];

    [GeneratedRegex(@"^(?<y>\d{4})(-(?<mo>\d{2})(-(?<d>\d{2})(T(?<h>\d{2}):(?<mi>\d{2})(:(?<s>\d{2})(?<f>\.\d{1,7})?)?(?<tz>Z|[+-]\d{2}:\d{2})?)?)?)?$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Pattern();
}

using System.Globalization;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// HL7 v2 DTM (<c>YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]</c>) for observation times. A reading needs at least
/// minute precision and an explicit UTC offset: without one the instant is ambiguous (which clock? which DST?), so
/// CareStream rejects it rather than guess the sender's zone.
/// </summary>
public static class Hl7Timestamp
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="reason"/> says why (without echoing the input).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value, out string reason)
    {
        value = default;
        var s = (text ?? string.Empty).AsSpan().Trim();
        if (s.IsEmpty)
        {
            reason = "The time is empty.";
            return false;
        }

        var sign = s.IndexOfAny('+', '-');
        if (sign < 0)
        {
            reason = "The time has no UTC offset (+/-ZZZZ); CareStream does not guess the sender's time zone.";
            return false;
        }

        var local = s[..sign];
        var zone = s[(sign + 1)..];
        if (zone.Length != 4 || !int.TryParse(zone, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm)
            || hhmm % 100 > 59 || (hhmm / 100 * 60) + (hhmm % 100) > 14 * 60)
        {
            reason = "The UTC offset is not +/-HHMM.";
            return false;
        }

        var offset = new TimeSpan(hhmm / 100, hhmm % 100, 0) * (s[sign] == '-' ? -1 : 1);
        var dot = local.IndexOf('.');
        var whole = dot < 0 ? local : local[..dot];
        var fraction = dot < 0 ? [] : local[(dot + 1)..];
        if (whole.Length is not (12 or 14) || fraction.Length > 4 || (dot >= 0 && (whole.Length != 14 || fraction.IsEmpty))
            || !IsDigits(whole) || !IsDigits(fraction))
        {
            reason = "The time is not YYYYMMDDHHMM[SS[.S[S[S[S]]]]] followed by +/-ZZZZ.";
            return false;
        }

        var format = whole.Length == 12 ? "yyyyMMddHHmm" : "yyyyMMddHHmmss";
        if (!DateTime.TryParseExact(whole, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dateTime)
            || dateTime.Year < 1900)
        {
            reason = "The time is not a valid calendar date and time (year 1900 or later).";
            return false;
        }

        var ticks = 0L;
        for (var i = 0; i < fraction.Length; i++)
        {
            ticks += (fraction[i] - '0') * (long)Math.Pow(10, 6 - i);
        }

        value = new DateTimeOffset(dateTime.AddTicks(ticks), offset);
        reason = string.Empty;
        return true;
    }

    /// <summary>Formats an instant as a DTM with seconds and offset, e.g. <c>20240102030405+0000</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + (value.Offset < TimeSpan.Zero ? "-" : "+")
        + value.Offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('0', '9');
}

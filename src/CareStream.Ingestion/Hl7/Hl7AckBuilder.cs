using System.Globalization;
using System.Text;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// Builds ACK^R01 in the HL7 original acknowledgment mode: MSH with sending and receiving application/facility
/// swapped, a new MSH-10, MSH-11/MSH-12 echoed when usable; MSA-1 the code and MSA-2 the original MSH-10; one ERR per
/// problem (v2.5+ layout: ERR-2 location, ERR-3 table 0357 code, ERR-4 severity, ERR-5 CareStream code, ERR-7 text).
/// Always written with the default delimiters <c>|^~\&amp;</c>; echoed fields are re-escaped.
/// </summary>
public static class Hl7AckBuilder
{
    private const string DefaultVersion = "2.6";

    /// <summary>Renders the ACK for <paramref name="original"/> (null when not even its MSH could be read).</summary>
    public static string Build(
        Hl7Message? original, Hl7AckCode code, IReadOnlyList<Hl7Error> errors, string controlId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var d = Hl7Delimiters.Default;
        var header = original?.Header;
        var trigger = original?.TriggerEvent is { Length: > 0 } t && t.All(char.IsAsciiLetterOrDigit) ? t : "R01";
        var processing = header?.Get(11) is "P" or "T" or "D" ? header.Get(11) : "P";
        var version = original is not null && Pcd01Mapper.IsSupportedVersion(original.Version) ? original.Version : DefaultVersion;
        var text = new StringBuilder(256);
        text.Append("MSH").Append(d.Field).Append(d.EncodingCharacters)
            .Append(d.Field).Append(Echo(header, 5, d))
            .Append(d.Field).Append(Echo(header, 6, d))
            .Append(d.Field).Append(Echo(header, 3, d))
            .Append(d.Field).Append(Echo(header, 4, d))
            .Append(d.Field).Append(Hl7Timestamp.Format(now))
            .Append(d.Field)
            .Append(d.Field).Append("ACK").Append(d.Component).Append(trigger).Append(d.Component).Append("ACK")
            .Append(d.Field).Append(Er7Escaping.Escape(controlId, d))
            .Append(d.Field).Append(processing)
            .Append(d.Field).Append(version)
            .Append('\r');
        text.Append("MSA").Append(d.Field).Append(code.ToString())
            .Append(d.Field).Append(Er7Escaping.Escape(original?.ControlId ?? string.Empty, d))
            .Append('\r');
        foreach (var error in errors)
        {
            AppendError(text, error, code == Hl7AckCode.AA ? "W" : "E", d);
        }

        return text.ToString();
    }

    /// <summary>Renders the ACK as the bytes to frame (ISO-8859-1, matching the parser).</summary>
    public static byte[] ToBytes(string ack) => Encoding.Latin1.GetBytes(ack);

    private static string Echo(Hl7Segment? header, int field, Hl7Delimiters d) => header?[field].Encode(d) ?? string.Empty;

    private static void AppendError(StringBuilder text, Hl7Error error, string severity, Hl7Delimiters d)
    {
        text.Append("ERR").Append(d.Field).Append(d.Field);
        if (error.SegmentId.Length > 0)
        {
            text.Append(error.SegmentId).Append(d.Component).Append(error.Sequence.ToString(CultureInfo.InvariantCulture));
            if (error.Field > 0)
            {
                text.Append(d.Component).Append(error.Field.ToString(CultureInfo.InvariantCulture));
            }
        }

        text.Append(d.Field).Append(error.Hl7Code.ToString(CultureInfo.InvariantCulture)).Append(d.Component)
            .Append(Hl7ErrorCodes.Text(error.Hl7Code)).Append(d.Component).Append("HL70357")
            .Append(d.Field).Append(severity)
            .Append(d.Field).Append(Er7Escaping.Escape(error.ApplicationCode, d))
            .Append(d.Field)
            .Append(d.Field).Append(Er7Escaping.Escape(error.Diagnostic, d))
            .Append('\r');
    }
}

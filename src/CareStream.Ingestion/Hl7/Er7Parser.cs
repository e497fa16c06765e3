using System.Text;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// Parses HL7 v2 ER7 ("pipe and hat") text. Delimiters come from MSH-1/MSH-2; segments end at CR, LF or CRLF;
/// every limit in <see cref="Er7Limits"/> is enforced before the work it bounds. Never throws on input: every
/// malformed message yields an <see cref="Er7Error"/>.
/// </summary>
/// <remarks>
/// Bytes are read as ISO-8859-1, which maps every byte to one char, so decoding never fails and any field echoed
/// back (e.g. MSH-3 in an ACK) round-trips byte for byte. MSH-18 (character set) is not interpreted: PCD-01 content
/// CareStream reads (codes, numbers, EUI-64, times) is ASCII.
/// </remarks>
public static class Er7Parser
{
    private const int HeaderPeekChars = 64 * 1024;

    /// <summary>Parses one message from its bytes.</summary>
    public static Er7ParseResult Parse(ReadOnlySpan<byte> bytes, Er7Limits? limits = null)
    {
        limits ??= Er7Limits.Default;
        if (bytes.Length > limits.MaxMessageBytes)
        {
            return Er7ParseResult.Fail(Er7ErrorCode.TooLarge, 0, $"The message has {bytes.Length} bytes; the limit is {limits.MaxMessageBytes}.");
        }

        return Parse(Encoding.Latin1.GetString(bytes), limits);
    }

    /// <summary>Parses one message from its text.</summary>
    public static Er7ParseResult Parse(string text, Er7Limits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= Er7Limits.Default;
        if (text.Length > limits.MaxMessageBytes)
        {
            return Er7ParseResult.Fail(Er7ErrorCode.TooLarge, 0, $"The message has {text.Length} characters; the limit is {limits.MaxMessageBytes}.");
        }

        var body = text.AsSpan().TrimStart("\r\n");
        if (body.IsEmpty)
        {
            return Er7ParseResult.Fail(Er7ErrorCode.Empty, 0, "The message is empty.");
        }

        if (ReadDelimiters(body) is not { } delimiters)
        {
            return body.StartsWith("MSH", StringComparison.Ordinal)
                ? Er7ParseResult.Fail(Er7ErrorCode.BadDelimiters, 1, "MSH-1/MSH-2 must declare five distinct delimiters that are not letters, digits or whitespace.")
                : Er7ParseResult.Fail(Er7ErrorCode.MissingMsh, 1, "The message does not start with an MSH segment.");
        }

        var segments = new List<Hl7Segment>();
        foreach (var range in body.SplitAny('\r', '\n'))
        {
            var line = body[range];
            if (line.IsEmpty)
            {
                continue;
            }

            if (segments.Count == limits.MaxSegments)
            {
                return Er7ParseResult.Fail(Er7ErrorCode.TooManySegments, segments.Count + 1, $"More than {limits.MaxSegments} segments.");
            }

            var error = ParseSegment(line, segments.Count + 1, delimiters, limits, out var segment);
            if (error is not null)
            {
                return new Er7ParseResult(null, error);
            }

            segments.Add(segment!);
        }

        return new Er7ParseResult(new Hl7Message(delimiters, segments), null);
    }

    /// <summary>
    /// Parses only the MSH segment (within the first 64 KiB), for answering a message that failed to parse as a whole.
    /// Returns null when there is no usable MSH.
    /// </summary>
    public static Hl7Message? ParseHeader(ReadOnlySpan<byte> bytes)
    {
        var peek = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, HeaderPeekChars)]).AsSpan().TrimStart("\r\n");
        var end = peek.IndexOfAny('\r', '\n');
        var result = Parse((end < 0 ? peek : peek[..end]).ToString());
        return result.Message;
    }

    private static Hl7Delimiters? ReadDelimiters(ReadOnlySpan<char> body)
    {
        if (body.Length < 8 || !body.StartsWith("MSH", StringComparison.Ordinal))
        {
            return null;
        }

        var field = body[3];
        var encoding = body[4..];
        var end = encoding.IndexOfAny(field, '\r', '\n');
        encoding = end < 0 ? encoding : encoding[..end];
        // v2.7 adds a fifth encoding character (truncation, '#'); CareStream does not use it but accepts it.
        if (encoding.Length is not (4 or 5))
        {
            return null;
        }

        ReadOnlySpan<char> all = [field, encoding[0], encoding[1], encoding[2], encoding[3]];
        for (var i = 0; i < all.Length; i++)
        {
            if (char.IsLetterOrDigit(all[i]) || char.IsWhiteSpace(all[i]) || char.IsControl(all[i]) || all[(i + 1)..].Contains(all[i]))
            {
                return null;
            }
        }

        return new Hl7Delimiters(field, encoding[0], encoding[1], encoding[2], encoding[3]);
    }

    private static Er7Error? ParseSegment(
        ReadOnlySpan<char> line, int index, Hl7Delimiters delimiters, Er7Limits limits, out Hl7Segment? segment)
    {
        segment = null;
        if (line.Length < 3 || !IsSegmentId(line[..3]) || (line.Length > 3 && line[3] != delimiters.Field))
        {
            return new Er7Error(Er7ErrorCode.BadSegmentId, index, "A segment must start with a three-character id (A-Z, 0-9) and a field separator.");
        }

        var id = line[..3].ToString();
        var isHeader = index == 1;
        var rest = line.Length > 4 ? line[4..] : [];
        if (rest.Count(delimiters.Field) + (isHeader ? 2 : 1) > limits.MaxFieldsPerSegment)
        {
            return new Er7Error(Er7ErrorCode.TooManyFields, index, $"Segment {id} has more than {limits.MaxFieldsPerSegment} fields.");
        }

        var fields = new List<Hl7Field>();
        if (isHeader)
        {
            fields.Add(new Hl7Field(delimiters.Field.ToString(), [[[delimiters.Field.ToString()]]]));
        }

        if (line.Length > 3)
        {
            foreach (var range in rest.Split(delimiters.Field))
            {
                var raw = rest[range];
                if (isHeader && fields.Count == 1)
                {
                    fields.Add(new Hl7Field(raw.ToString(), [[[raw.ToString()]]])); // MSH-2 is literal, never split or unescaped
                    continue;
                }

                if (raw.Count(delimiters.Repetition) >= limits.MaxRepetitionsPerField)
                {
                    return new Er7Error(Er7ErrorCode.TooManyRepetitions, index, $"A field of {id} has more than {limits.MaxRepetitionsPerField} repetitions.");
                }

                fields.Add(ParseField(raw, delimiters));
            }
        }

        segment = new Hl7Segment(id, index, [.. fields]);
        return null;
    }

    private static Hl7Field ParseField(ReadOnlySpan<char> raw, Hl7Delimiters delimiters)
    {
        if (raw.IsEmpty)
        {
            return Hl7Field.Empty;
        }

        var repetitions = new List<string[][]>();
        foreach (var repetition in raw.Split(delimiters.Repetition))
        {
            var components = new List<string[]>();
            foreach (var component in raw[repetition].Split(delimiters.Component))
            {
                var subcomponents = new List<string>();
                foreach (var sub in raw[repetition][component].Split(delimiters.Subcomponent))
                {
                    subcomponents.Add(Er7Escaping.Unescape(raw[repetition][component][sub], delimiters));
                }

                components.Add([.. subcomponents]);
            }

            repetitions.Add([.. components]);
        }

        return new Hl7Field(raw.ToString(), [.. repetitions]);
    }

    private static bool IsSegmentId(ReadOnlySpan<char> id)
    {
        foreach (var c in id)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= '0' and <= '9')))
            {
                return false;
            }
        }

        return true;
    }
}

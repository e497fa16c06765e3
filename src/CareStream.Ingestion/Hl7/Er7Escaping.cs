using System.Globalization;
using System.Text;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// HL7 v2 escape sequences (v2.6 ch. 2.7): <c>\F\ \S\ \T\ \R\ \E\</c> and <c>\Xhh…\</c> are decoded; every other
/// sequence (<c>\H\</c>, <c>\.br\</c>, <c>\Cxxyy\</c>, …) and an unterminated escape are kept literally, delimiters included.
/// </summary>
internal static class Er7Escaping
{
    public static string Unescape(ReadOnlySpan<char> text, Hl7Delimiters delimiters)
    {
        var first = text.IndexOf(delimiters.Escape);
        if (first < 0)
        {
            return text.ToString();
        }

        var result = new StringBuilder(text.Length);
        result.Append(text[..first]);
        var i = first;
        while (i < text.Length)
        {
            var c = text[i];
            if (c != delimiters.Escape)
            {
                result.Append(c);
                i++;
                continue;
            }

            var close = text[(i + 1)..].IndexOf(delimiters.Escape);
            if (close < 0)
            {
                result.Append(text[i..]);
                break;
            }

            var body = text.Slice(i + 1, close);
            if (!TryDecode(body, delimiters, result))
            {
                result.Append(text.Slice(i, close + 2));
            }

            i += close + 2;
        }

        return result.ToString();
    }

    public static string Escape(string text, Hl7Delimiters delimiters)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => delimiters.IsDelimiter(c) || c is '\r' or '\n'))
        {
            return text;
        }

        var e = delimiters.Escape;
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            var code = c == delimiters.Field ? "F" : c == delimiters.Component ? "S" : c == delimiters.Subcomponent ? "T"
                : c == delimiters.Repetition ? "R" : c == e ? "E" : c == '\r' ? "X0D" : c == '\n' ? "X0A" : null;
            if (code is null)
            {
                result.Append(c);
            }
            else
            {
                result.Append(e).Append(code).Append(e);
            }
        }

        return result.ToString();
    }

    private static bool TryDecode(ReadOnlySpan<char> body, Hl7Delimiters delimiters, StringBuilder result)
    {
        if (body.Length == 1)
        {
            char? decoded = body[0] switch
            {
                'F' => delimiters.Field,
                'S' => delimiters.Component,
                'T' => delimiters.Subcomponent,
                'R' => delimiters.Repetition,
                'E' => delimiters.Escape,
                _ => null,
            };
            if (decoded is { } d)
            {
                result.Append(d);
                return true;
            }

            return false;
        }

        if (body.Length < 3 || body[0] != 'X' || body.Length % 2 == 0)
        {
            return false;
        }

        var hex = body[1..];
        Span<char> decodedHex = hex.Length <= 512 ? stackalloc char[hex.Length / 2] : new char[hex.Length / 2];
        for (var k = 0; k < decodedHex.Length; k++)
        {
            if (!byte.TryParse(hex.Slice(k * 2, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            decodedHex[k] = (char)b; // ISO-8859-1: one byte is one char (see Er7Parser on the character set)
        }

        result.Append(decodedHex);
        return true;
    }
}

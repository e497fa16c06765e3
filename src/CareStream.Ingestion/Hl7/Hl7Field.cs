namespace CareStream.Ingestion.Hl7;

/// <summary>
/// One field of a segment: repetitions → components → subcomponents, escape sequences already decoded.
/// All accessors are 1-based and answer <see cref="string.Empty"/> for anything not present.
/// </summary>
public sealed class Hl7Field
{
    private readonly string[][][] _repetitions;

    internal Hl7Field(string raw, string[][][] repetitions)
    {
        Raw = raw;
        _repetitions = repetitions;
    }

    /// <summary>An absent field.</summary>
    public static Hl7Field Empty { get; } = new(string.Empty, [[[string.Empty]]]);

    /// <summary>The field as it appeared in the message, escapes not decoded.</summary>
    public string Raw { get; }

    /// <summary>Number of repetitions (1 for a plain or empty field).</summary>
    public int RepetitionCount => _repetitions.Length;

    /// <summary>True when the field holds no text at all.</summary>
    public bool IsEmpty => Raw.Length == 0;

    /// <summary>The first component of the first repetition (the whole value of a simple field).</summary>
    public string Value => Get();

    /// <summary>Number of components in <paramref name="repetition"/> (0 when absent).</summary>
    public int ComponentCount(int repetition = 1) =>
        repetition >= 1 && repetition <= _repetitions.Length ? _repetitions[repetition - 1].Length : 0;

    /// <summary>The decoded text of one subcomponent (1-based), or empty.</summary>
    public string Get(int component = 1, int repetition = 1, int subcomponent = 1)
    {
        if (repetition < 1 || repetition > _repetitions.Length)
        {
            return string.Empty;
        }

        var components = _repetitions[repetition - 1];
        if (component < 1 || component > components.Length)
        {
            return string.Empty;
        }

        var subcomponents = components[component - 1];
        return subcomponent >= 1 && subcomponent <= subcomponents.Length ? subcomponents[subcomponent - 1] : string.Empty;
    }

    /// <summary>The components of one repetition with their subcomponents, re-escaped for <paramref name="delimiters"/>.</summary>
    public string Encode(Hl7Delimiters delimiters, int repetition = 1)
    {
        if (repetition < 1 || repetition > _repetitions.Length)
        {
            return string.Empty;
        }

        return string.Join(
            delimiters.Component,
            _repetitions[repetition - 1].Select(c => string.Join(delimiters.Subcomponent, c.Select(s => Er7Escaping.Escape(s, delimiters)))));
    }
}

namespace CareStream.Ingestion.Hl7;

/// <summary>The five ER7 delimiters a message declares in MSH-1 (field) and MSH-2 (component, repetition, escape, subcomponent).</summary>
public readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    /// <summary>The HL7 recommended delimiters <c>|^~\&amp;</c>, used for every message CareStream writes.</summary>
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&');

    /// <summary>MSH-2 as written: component, repetition, escape, subcomponent.</summary>
    public string EncodingCharacters => string.Concat(Component, Repetition, Escape, Subcomponent);

    /// <summary>True when <paramref name="c"/> is one of the five delimiters.</summary>
    public bool IsDelimiter(char c) => c == Field || c == Component || c == Repetition || c == Escape || c == Subcomponent;
}

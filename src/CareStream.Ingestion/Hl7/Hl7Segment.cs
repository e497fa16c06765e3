namespace CareStream.Ingestion.Hl7;

/// <summary>One segment. Field numbers follow HL7: <c>OBX-3</c> is <c>this[3]</c>; for MSH, MSH-1 is the field separator.</summary>
public sealed class Hl7Segment
{
    private readonly Hl7Field[] _fields;

    internal Hl7Segment(string id, int index, Hl7Field[] fields)
    {
        Id = id;
        Index = index;
        _fields = fields;
    }

    /// <summary>The segment id, e.g. <c>OBX</c>.</summary>
    public string Id { get; }

    /// <summary>1-based position of the segment in its message.</summary>
    public int Index { get; }

    /// <summary>Highest field number present.</summary>
    public int FieldCount => _fields.Length;

    /// <summary>Field <paramref name="field"/> (1-based), or <see cref="Hl7Field.Empty"/> when absent.</summary>
    public Hl7Field this[int field] => field >= 1 && field <= _fields.Length ? _fields[field - 1] : Hl7Field.Empty;

    /// <summary>Shortcut for <c>this[field].Get(component, repetition, subcomponent)</c>.</summary>
    public string Get(int field, int component = 1, int repetition = 1, int subcomponent = 1) =>
        this[field].Get(component, repetition, subcomponent);
}

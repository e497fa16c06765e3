namespace CareStream.Ingestion.Hl7;

/// <summary>A parsed ER7 message: its delimiters and segments, with 1-based accessors such as <c>Get("OBX", 3, component: 1)</c>.</summary>
public sealed class Hl7Message
{
    internal Hl7Message(Hl7Delimiters delimiters, IReadOnlyList<Hl7Segment> segments)
    {
        Delimiters = delimiters;
        Segments = segments;
    }

    /// <summary>The delimiters declared in MSH-1/MSH-2.</summary>
    public Hl7Delimiters Delimiters { get; }

    /// <summary>All segments in order; the first is MSH.</summary>
    public IReadOnlyList<Hl7Segment> Segments { get; }

    /// <summary>The MSH segment.</summary>
    public Hl7Segment Header => Segments[0];

    /// <summary>MSH-9.1 (e.g. <c>ORU</c>).</summary>
    public string MessageCode => Header.Get(9, 1);

    /// <summary>MSH-9.2 (e.g. <c>R01</c>).</summary>
    public string TriggerEvent => Header.Get(9, 2);

    /// <summary>MSH-10, the sender's message control id.</summary>
    public string ControlId => Header.Get(10);

    /// <summary>MSH-12.1, the HL7 version (e.g. <c>2.6</c>).</summary>
    public string Version => Header.Get(12);

    /// <summary>The first segment named <paramref name="segmentId"/>, or null.</summary>
    public Hl7Segment? Segment(string segmentId) => Segments.FirstOrDefault(s => s.Id == segmentId);

    /// <summary>All segments named <paramref name="segmentId"/>, in order.</summary>
    public IEnumerable<Hl7Segment> All(string segmentId) => Segments.Where(s => s.Id == segmentId);

    /// <summary>The decoded text at <c>segmentId-field.component.subcomponent</c> of the first such segment, or empty.</summary>
    public string Get(string segmentId, int field, int component = 1, int repetition = 1, int subcomponent = 1) =>
        Segment(segmentId)?.Get(field, component, repetition, subcomponent) ?? string.Empty;
}

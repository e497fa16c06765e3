namespace CareStream.Domain;

/// <summary>Identifier of a bed. Pseudonymous and safe to log; never a name or MRN.</summary>
public readonly record struct BedId
{
    public BedId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}

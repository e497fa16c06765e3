namespace CareStream.Domain;

/// <summary>Identifier of a ward. Pseudonymous and safe to log; never a name or MRN.</summary>
public readonly record struct WardId
{
    public WardId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}

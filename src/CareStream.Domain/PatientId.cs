namespace CareStream.Domain;

/// <summary>Identifier of a patient. Pseudonymous and safe to log; never a name or MRN.</summary>
public readonly record struct PatientId
{
    public PatientId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
